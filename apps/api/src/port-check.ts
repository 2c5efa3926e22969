import { createServer } from 'node:net';

/**
 * Fails fast, before the database is opened and migrated, when a port is taken.
 * Port 0 (any free port) always passes.
 */
export function assertPortFree(port: number, variable: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(new Error(error.code === 'EADDRINUSE' ? `${variable} ${port} is already in use` : `${variable} ${port}: ${error.message}`));
    });
    probe.listen(port, () => probe.close(() => resolve()));
  });
}
