import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedResponse {
  status: number;
  /** Sent as JSON unless it is a string, which is sent as-is (to imitate a proxy's HTML error page). */
  body: unknown;
}

/**
 * A real HTTP server answering canned bodies by path, so web specs exercise the real
 * fetch, status handling and parsing. Unknown paths answer 404 like the API does.
 */
export class CannedApiServer {
  readonly requests: string[] = [];
  private readonly routes = new Map<string, CannedResponse>();
  private readonly server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    this.requests.push(`${url.pathname}${url.search}`);
    const canned = this.routes.get(url.pathname) ?? {
      status: 404,
      body: { statusCode: 404, message: `Cannot GET ${url.pathname}` },
    };
    const isText = typeof canned.body === 'string';
    res.writeHead(canned.status, { 'content-type': isText ? 'text/html' : 'application/json' });
    res.end(isText ? canned.body : JSON.stringify(canned.body));
  });

  answer(path: string, status: number, body: unknown): void {
    this.routes.set(path, { status, body });
  }

  reset(): void {
    this.routes.clear();
    this.requests.length = 0;
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
