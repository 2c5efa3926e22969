import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedResponse {
  status: number;
  /** Sent as JSON unless it is a string, which is sent as-is (to imitate a proxy's HTML error page). */
  body: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

type Responder = CannedResponse | ((request: RecordedRequest) => CannedResponse);

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A real HTTP server answering canned bodies by path, so web specs exercise the real
 * fetch, status handling and parsing. Unknown paths answer 404 like the API does.
 * `answer('POST /x', …)` answers one method only; a responder function can answer by request.
 */
export class CannedApiServer {
  readonly requests: string[] = [];
  readonly received: RecordedRequest[] = [];
  private readonly routes = new Map<string, Responder>();
  private readonly server: Server = createServer((req, res) => {
    void this.handle(req).then(({ status, body }) => {
      const isText = typeof body === 'string';
      res.writeHead(status, { 'content-type': isText ? 'text/html' : 'application/json' });
      res.end(status === 204 ? undefined : isText ? body : JSON.stringify(body));
    });
  });

  private async handle(req: IncomingMessage): Promise<CannedResponse> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const request: RecordedRequest = {
      method,
      path: `${url.pathname}${url.search}`,
      authorization: req.headers.authorization,
      body: await readBody(req),
    };
    this.requests.push(request.path);
    this.received.push(request);
    const responder = this.routes.get(`${method} ${url.pathname}`) ?? this.routes.get(url.pathname);
    if (!responder)
      return { status: 404, body: { statusCode: 404, message: `Cannot ${method} ${url.pathname}` } };
    return typeof responder === 'function' ? responder(request) : responder;
  }

  answer(route: string, status: number, body: unknown): void {
    this.routes.set(route, { status, body });
  }

  respond(route: string, responder: (request: RecordedRequest) => CannedResponse): void {
    this.routes.set(route, responder);
  }

  reset(): void {
    this.routes.clear();
    this.requests.length = 0;
    this.received.length = 0;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }
}
