export interface SmsGateway {
  /** May hold {phone} and {text}, filled URL-encoded. */
  url: string;
  method: 'POST' | 'GET';
  /** POST only. A template starting with `{` or `[` is JSON (values JSON-escaped), else a form (URL-encoded). */
  bodyTemplate: string;
}

export interface SmsRequest {
  url: string;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  body?: string;
}

/**
 * The HTTP request for one SMS, as China's SMS services are called: a URL, a method and
 * a body template. Each value is escaped for where it lands, so a quote in a text
 * cannot break the JSON and an ampersand cannot add a form field.
 */
export function smsRequest(gateway: SmsGateway, phone: string, text: string): SmsRequest {
  const url = fill(gateway.url, phone, text, encodeURIComponent);
  if (gateway.method === 'GET') return { url, method: 'GET', headers: {} };
  const json = /^\s*[[{]/.test(gateway.bodyTemplate);
  const body = fill(gateway.bodyTemplate, phone, text, json ? jsonEscape : encodeURIComponent);
  const contentType = json ? 'application/json' : 'application/x-www-form-urlencoded';
  return { url, method: 'POST', headers: { 'content-type': contentType }, body };
}

function fill(template: string, phone: string, text: string, escape: (value: string) => string): string {
  return template.replace(/\{(phone|text)\}/g, (_, name: string) => escape(name === 'phone' ? phone : text));
}

/** A value inside a JSON string literal: the literal's quotes are the template's. */
function jsonEscape(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
