import type { AppConfig } from './config/app-config';

/** Turns a start-up failure into the one line an operator needs. */
export function describeStartupError(error: unknown, config: AppConfig): string {
  const err = error as NodeJS.ErrnoException;
  if (err?.code === 'EADDRINUSE') return `PORT ${config.port} is already in use`;
  if (err?.code === 'EACCES') return `PORT ${config.port} needs privileges this process does not have`;
  const message = err instanceof Error ? err.message : String(error);
  return message.split('\n')[0] ?? 'unknown start-up failure';
}
