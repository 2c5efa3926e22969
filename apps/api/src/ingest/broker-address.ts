/** Host, port, TLS and credentials of an MQTT URL such as mqtt://user:pass@host:1883. */
export interface BrokerAddress {
  host: string;
  port: number;
  tls: boolean;
  username?: string;
  password?: string;
}

const SCHEMES: Record<string, { tls: boolean; port: number }> = {
  'mqtt:': { tls: false, port: 1883 },
  'tcp:': { tls: false, port: 1883 },
  'mqtts:': { tls: true, port: 8883 },
  'tls:': { tls: true, port: 8883 },
};

export function parseBrokerUrl(url: string): BrokerAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`MQTT_URL "${url}" is not a URL`);
  }
  const scheme = SCHEMES[parsed.protocol];
  if (!scheme) throw new Error(`MQTT_URL scheme ${parsed.protocol} is not one of mqtt:, mqtts:, tcp:, tls:`);
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port === '' ? scheme.port : Number(parsed.port),
    tls: scheme.tls,
    username: parsed.username === '' ? undefined : decodeURIComponent(parsed.username),
    password: parsed.password === '' ? undefined : decodeURIComponent(parsed.password),
  };
}

/** The URL without its password, for logs and error lines. */
export function redactBrokerUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
