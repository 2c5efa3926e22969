import type { z } from 'zod';
import { env } from './env';

/** A failed call with what the server said, so the UI can show the reason rather than "error". */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

interface RequestOptions {
  signal?: AbortSignal;
  baseUrl?: string;
}

function messageOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join('; ') || undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The API answers `{ error: { code, message } }`; a bare NestJS or proxy answer may carry
 * `{ message: string | string[] }`. Anything else falls back to the status line.
 */
function errorFromBody(status: number, statusText: string, body: unknown): ApiError {
  if (body && typeof body === 'object') {
    const outer = body as { error?: unknown; message?: unknown; code?: unknown };
    const inner =
      outer.error && typeof outer.error === 'object'
        ? (outer.error as { message?: unknown; code?: unknown })
        : outer;
    const text = messageOf(inner.message);
    if (text) return new ApiError(status, text, typeof inner.code === 'string' ? inner.code : undefined);
  }
  return new ApiError(status, `${status} ${statusText || 'request failed'}`);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A proxy error page or a truncated body: report it as such, never as a parse crash.
    if (!response.ok) return undefined;
    throw new ApiError(
      response.status,
      `the server answered ${response.status} with a body that is not JSON`,
    );
  }
}

/**
 * GETs `path` under the API base and validates the answer with `schema`, so a drifted
 * server contract shows up as one clear error instead of `undefined` deep in a component.
 */
export async function apiGet<T extends z.ZodType>(
  path: string,
  schema: T,
  { signal, baseUrl = env.apiBase }: RequestOptions = {},
): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${path}`, { headers: { Accept: 'application/json' }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'the API cannot be reached; check the network or that the server is running');
  }
  const body = await readJson(response);
  if (!response.ok) throw errorFromBody(response.status, response.statusText, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'unexpected shape';
    throw new ApiError(response.status, `unexpected response from ${path} (${where})`);
  }
  return parsed.data;
}
