import type { IncomingHttpHeaders } from 'node:http';
import { startHttpTestServer } from './http-test-server';

export interface GatewayRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SmsTestGateway {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  requests: GatewayRequest[];
  close(): Promise<void>;
}

/** A fake SMS service: records every request and answers the scripted statuses, then 200. */
export async function startSmsTestGateway(script: number[] = []): Promise<SmsTestGateway> {
  const requests: GatewayRequest[] = [];
  const statuses = [...script];
  const server = await startHttpTestServer((req, body) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    return statuses.shift() ?? 200;
  });
  return { url: server.baseUrl, requests, close: () => server.close() };
}
