import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PushRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface PushTestService {
  /** e.g. http://127.0.0.1:41234 — subscriptions' endpoints live under it. */
  origin: string;
  requests: PushRequest[];
  /** The status the endpoint at this path answers from now on (201 unless set). */
  answer(path: string, status: number): void;
  close(): Promise<void>;
}

/** A stand-in for a browser vendor's push service: records each push, answers per endpoint. */
export async function startPushTestService(): Promise<PushTestService> {
  const requests: PushRequest[] = [];
  const statuses = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      requests.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(statuses.get(path) ?? 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    answer: (path, status) => statuses.set(path, status),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
