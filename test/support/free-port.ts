import { createServer, type AddressInfo } from 'node:net';

/** A TCP port nothing listens on right now (the OS picks it; 1883 and 3000 may be taken here). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
