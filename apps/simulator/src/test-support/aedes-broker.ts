import { createServer, type AddressInfo, type Server } from 'node:net';

/** The embedded broker the demo uses (aedes, MQTT 3.1.1), on a free port, for medium tests. */
export interface TestBroker {
  url: string;
  /** Kills a client's socket from the broker side, as a dead link would. */
  killClient(clientId: string): boolean;
  close(): Promise<void>;
}

interface AedesLike {
  handle: (socket: unknown) => void;
  clients: Record<string, { conn: { destroy(): void } } | undefined>;
  close(cb: () => void): void;
}

export async function startAedes(): Promise<TestBroker> {
  // aedes is a dependency of apps/api, hoisted to the root node_modules.
  const { Aedes } = (await import('aedes')) as unknown as { Aedes: { createBroker(): Promise<AedesLike> } };
  const broker = await Aedes.createBroker();
  const server: Server = createServer(broker.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `mqtt://127.0.0.1:${port}`,
    killClient(clientId) {
      const client = broker.clients[clientId];
      client?.conn.destroy();
      return client !== undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close();
        broker.close(() => resolve());
      }),
  };
}
