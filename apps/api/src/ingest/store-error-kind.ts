/**
 * Whether a failed store is worth retrying as it is.
 * - `transient`: the database or the way to it is unwell (connection lost, serialization
 *   failure, deadlock, out of resources, shutting down, lock timeout); the same batch will
 *   commit later, so retry it with backoff.
 * - `permanent`: the database refuses the data itself (22* data exception, 23* integrity
 *   violation); retrying the same rows fails the same way for ever, so the batch is split
 *   and the offending message dead-lettered.
 *
 * 42* (syntax error, undefined column, insufficient privilege) is transient on purpose: the
 * write path sends fixed, parameterised statements, so a 42* is the code or the schema being
 * wrong (a migration not applied, a revoked grant), never one message's value. Dead-lettering
 * would then drop every message in turn; holding them (retry, backpressure, a failure logged
 * per attempt) keeps them until the schema is fixed. Anything unknown is transient too:
 * waiting loses nothing, dropping would.
 */
export type StoreErrorKind = 'transient' | 'permanent';

export interface ClassifiedStoreError {
  kind: StoreErrorKind;
  /** SQLSTATE or node error code when there is one. */
  code?: string;
}

const NODE_CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03', '57P01', '57P02', '57P03', '57014']);
function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function classifyStoreError(error: unknown): ClassifiedStoreError {
  const code = codeOf(error);
  const withCode = code === undefined ? {} : { code };
  if (code !== undefined) {
    if (NODE_CONNECTION_CODES.has(code)) return { kind: 'transient', ...withCode };
    if (/^[0-9A-Z]{5}$/.test(code)) {
      if (code.startsWith('22') || code.startsWith('23')) return { kind: 'permanent', ...withCode };
      if (
        code.startsWith('08') ||
        code.startsWith('53') ||
        code.startsWith('42') ||
        TRANSIENT_SQLSTATES.has(code)
      )
        return { kind: 'transient', ...withCode };
    }
  }
  // Unknown errors (a dropped connection without a code, anything new) wait: that loses nothing.
  return { kind: 'transient', ...withCode };
}

/** The database's own words for a dead letter: "SQLSTATE 22003: integer out of range". */
export function storeErrorReason(error: unknown): string {
  const code = codeOf(error);
  const message = messageOf(error);
  return code === undefined ? message : `SQLSTATE ${code}: ${message}`;
}
