import type { AppConfig } from './config/app-config';
import { portFailure } from './port-check';

/** Turns a start-up failure into the one line an operator needs. */
export function describeStartupError(error: unknown, config: AppConfig): string {
  const err = error as NodeJS.ErrnoException;
  if (err?.code === 'EADDRINUSE' || err?.code === 'EACCES') return portFailure('PORT', config.port, err);
  const message = err instanceof Error ? err.message : String(error);
  return message.split('\n')[0] ?? 'unknown start-up failure';
}
