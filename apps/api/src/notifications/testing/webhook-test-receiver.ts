import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signBody, type WebhookBody } from '../channels/webhook-channel';

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
  /** Time each answer takes, so concurrent senders really overlap. */
  delayMs = 0,
): Promise<WebhookTestReceiver> {
  const requests: ReceivedHook[] = [];
  const statuses = [...script];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const expected = Buffer.from(signBody(secret, raw));
      const given = Buffer.from(String(req.headers['x-fleet-signature'] ?? ''));
      const signatureValid = given.length === expected.length && timingSafeEqual(given, expected);
      const status = signatureValid ? (statuses.shift() ?? 200) : 401;
      requests.push({ status, headers: req.headers, body: JSON.parse(raw) as WebhookBody, signatureValid });
      setTimeout(() => res.writeHead(status).end(), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/fleet`,
    requests,
    delivered: () => requests.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.body),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
