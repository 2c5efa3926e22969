import { createServer } from 'node:net';

/** The one line for a port that cannot be listened on, whichever listener found out. */
export function portFailure(variable: string, port: number, error: NodeJS.ErrnoException): string {
  if (error.code === 'EADDRINUSE') return `${variable} ${port} is already in use`;
  if (error.code === 'EACCES') return `${variable} ${port} needs privileges this process does not have`;
  return `${variable} ${port} cannot be opened: ${error.message}`;
}

/**
 * Fails fast, before the database is opened and migrated, when a port is taken.
 * Port 0 (any free port) always passes.
 */
export function assertPortFree(port: number, variable: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(portFailure(variable, port, error))),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}
