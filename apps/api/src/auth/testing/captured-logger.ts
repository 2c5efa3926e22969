import type { LoggerService } from '@nestjs/common';

/** Keeps every log call, so tests can check what was (and was not) logged. */
export class CapturedLogger implements LoggerService {
  readonly lines: Array<{ level: string; message: unknown }> = [];

  log(message: unknown): void {
    this.lines.push({ level: 'log', message });
  }
  error(message: unknown): void {
    this.lines.push({ level: 'error', message });
  }
  warn(message: unknown): void {
    this.lines.push({ level: 'warn', message });
  }
  debug(message: unknown): void {
    this.lines.push({ level: 'debug', message });
  }
  verbose(message: unknown): void {
    this.lines.push({ level: 'verbose', message });
  }

  /** Every line as text, objects as JSON. */
  text(): string[] {
    return this.lines.map(({ message }) => (typeof message === 'string' ? message : JSON.stringify(message)));
  }
}
