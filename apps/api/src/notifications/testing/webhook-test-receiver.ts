import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { signBody, type WebhookBody } from '../channels/webhook-channel';
import { startHttpTestServer } from './http-test-server';

export interface ReceivedHook {
  status: number;
  headers: IncomingHttpHeaders;
  body: WebhookBody;
  signatureValid: boolean;
}

export interface WebhookTestReceiver {
  url: string;
  requests: ReceivedHook[];
  /** Bodies answered 2xx: what was delivered. */
  delivered(): WebhookBody[];
  close(): Promise<void>;
}

/**
 * An HTTP endpoint that checks X-Fleet-Signature against `secret` (401 when wrong) and
 * answers the scripted statuses first (e.g. [500, 500]), then 200.
 */
export async function startWebhookTestReceiver(
  secret: string,
  script: number[] = [],
  delayMs = 0,
): Promise<WebhookTestReceiver> {
  const requests: ReceivedHook[] = [];
  const statuses = [...script];
  const server = await startHttpTestServer((req, raw) => {
    const expected = Buffer.from(signBody(secret, raw));
    const given = Buffer.from(String(req.headers['x-fleet-signature'] ?? ''));
    const signatureValid = given.length === expected.length && timingSafeEqual(given, expected);
    const status = signatureValid ? (statuses.shift() ?? 200) : 401;
    requests.push({ status, headers: req.headers, body: JSON.parse(raw) as WebhookBody, signatureValid });
    return status;
  }, delayMs);
  return {
    url: `${server.baseUrl}/hooks/fleet`,
    requests,
    delivered: () => requests.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.body),
    close: () => server.close(),
  };
}
