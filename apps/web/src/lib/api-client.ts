import type { z } from 'zod';
import { endSession, getAccessToken, refreshSession } from './auth/session';
import { env } from './env';

/** One wrong input field of a 400, as the API names it (`regions`, `regions.1`, `(root)`). */
export interface ApiFieldError {
  field: string;
  message: string;
}

/** A failed call with what the server said, so the UI can show the reason rather than "error". */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    /** The fields a validation error names, to show each message at its field. */
    readonly fields: readonly ApiFieldError[] = [],
  ) {
    super(message);
  }
}

interface RequestOptions {
  signal?: AbortSignal;
  baseUrl?: string;
}

interface SendOptions extends RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** The form asked for; JSON unless a file (CSV, PDF) is wanted. */
  accept?: string;
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
    const outer = body as { error?: unknown; message?: unknown; code?: unknown; fields?: unknown };
    const inner =
      outer.error && typeof outer.error === 'object'
        ? (outer.error as { message?: unknown; code?: unknown; fields?: unknown })
        : outer;
    const text = messageOf(inner.message);
    if (text)
      return new ApiError(
        status,
        text,
        typeof inner.code === 'string' ? inner.code : undefined,
        fieldsOf(inner),
      );
  }
  return new ApiError(status, `${status} ${statusText || 'request failed'}`);
}

function fieldsOf(error: { fields?: unknown }): ApiFieldError[] {
  if (!Array.isArray(error.fields)) return [];
  return error.fields.filter(
    (f): f is ApiFieldError =>
      typeof f === 'object' && f !== null && typeof f.field === 'string' && typeof f.message === 'string',
  );
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

async function send(
  path: string,
  { signal, baseUrl = env.apiBase, method = 'GET', body, accept = 'application/json' }: SendOptions,
) {
  const headers: Record<string, string> = { Accept: accept };
  const token = getAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      signal,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'the API cannot be reached; check the network or that the server is running');
  }
}

/**
 * Calls `path` under the API base with the session's bearer token. A 401 rotates the
 * session once and retries; a second 401 ends the session, which sends the app back to
 * the login page.
 */
async function sendSignedIn(path: string, options: SendOptions): Promise<Response> {
  let response = await send(path, options);
  if (response.status === 401 && getAccessToken()) {
    if (await refreshSession()) response = await send(path, options);
    if (response.status === 401) endSession('expired');
  }
  return response;
}

/**
 * Calls `path` and validates the answer with `schema`, so a drifted server contract shows
 * up as one clear error instead of `undefined` deep in a component.
 */
export async function apiRequest<T extends z.ZodType>(
  path: string,
  schema: T,
  options: SendOptions = {},
): Promise<z.infer<T>> {
  const response = await sendSignedIn(path, options);
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

/** GETs a file (a CSV or PDF report) as the signed-in user; a refusal throws the server's reason. */
export async function apiGetFile(path: string, accept: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await sendSignedIn(path, { ...options, accept });
  if (!response.ok) throw errorFromBody(response.status, response.statusText, await readJson(response));
  return response.blob();
}

export function apiGet<T extends z.ZodType>(path: string, schema: T, options: RequestOptions = {}) {
  return apiRequest(path, schema, options);
}

export function apiPost<T extends z.ZodType>(
  path: string,
  body: unknown,
  schema: T,
  options: RequestOptions = {},
) {
  return apiRequest(path, schema, { ...options, method: 'POST', body });
}

export function apiPatch<T extends z.ZodType>(
  path: string,
  body: unknown,
  schema: T,
  options: RequestOptions = {},
) {
  return apiRequest(path, schema, { ...options, method: 'PATCH', body });
}

export function apiPut<T extends z.ZodType>(
  path: string,
  body: unknown,
  schema: T,
  options: RequestOptions = {},
) {
  return apiRequest(path, schema, { ...options, method: 'PUT', body });
}

export function apiDelete<T extends z.ZodType>(path: string, schema: T, options: RequestOptions = {}) {
  return apiRequest(path, schema, { ...options, method: 'DELETE' });
}
