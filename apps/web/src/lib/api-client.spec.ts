import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CannedApiServer } from '../testing/canned-api-server';
import { ApiError, apiGet, apiGetFile } from './api-client';

const server = new CannedApiServer();
let baseUrl = '';
const pong = z.object({ pong: z.number() });

beforeAll(async () => {
  baseUrl = `${await server.start()}/api/v1`;
});
afterEach(() => server.reset());
afterAll(() => server.stop());

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('apiGet', () => {
  it('returns the parsed body of a 200 answer', async () => {
    server.answer('/api/v1/ping', 200, { pong: 7, extra: true });
    await expect(apiGet('/ping', pong, { baseUrl })).resolves.toEqual({ pong: 7 });
    expect(server.requests).toEqual(['/api/v1/ping']);
  });

  it("carries the status, code and message of the API's error body", async () => {
    server.answer('/api/v1/ping', 401, {
      error: { code: 'UNAUTHENTICATED', message: 'missing access token' },
    });
    const error = await failureOf(apiGet('/ping', pong, { baseUrl }));
    expect(error).toMatchObject({ status: 401, message: 'missing access token', code: 'UNAUTHENTICATED' });
  });

  it('keeps the fields a validation error names, dropping malformed entries', async () => {
    server.answer('/api/v1/ping', 400, {
      error: {
        code: 'VALIDATION',
        message: 'invalid email, regions.1',
        fields: [
          { field: 'email', message: 'must be an e-mail address' },
          { field: 7 },
          { field: 'regions.1', message: 'bad' },
        ],
      },
    });
    const error = await failureOf(apiGet('/ping', pong, { baseUrl }));
    expect(error.fields).toEqual([
      { field: 'email', message: 'must be an e-mail address' },
      { field: 'regions.1', message: 'bad' },
    ]);
  });

  it('joins the messages of a bare NestJS error', async () => {
    server.answer('/api/v1/ping', 400, {
      statusCode: 400,
      message: ['page must be positive', 'pageSize too large'],
    });
    const error = await failureOf(apiGet('/ping', pong, { baseUrl }));
    expect(error.message).toBe('page must be positive; pageSize too large');
  });

  it('falls back to the status for an error page that is not JSON', async () => {
    server.answer('/api/v1/ping', 502, '<html>Bad Gateway</html>');
    const error = await failureOf(apiGet('/ping', pong, { baseUrl }));
    expect(error).toMatchObject({ status: 502, message: '502 Bad Gateway' });
  });

  it('names the field when a 200 answer has the wrong shape', async () => {
    server.answer('/api/v1/ping', 200, { pong: 'seven' });
    const error = await failureOf(apiGet('/ping', pong, { baseUrl }));
    expect(error.message).toMatch(/^unexpected response from \/ping \(pong: /);
  });

  it('says the API cannot be reached when nothing listens', async () => {
    const error = await failureOf(
      apiGet('/ping', pong, { baseUrl: `http://127.0.0.1:${await closedPort()}` }),
    );
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/cannot be reached/);
  });
});

describe('apiGetFile', () => {
  it('returns the answer as a file, byte for byte', async () => {
    server.answer('/api/v1/report', 200, '\uFEFFTerminal,Merchant\nT1,"老王, 朝阳"\n');
    const file = await apiGetFile('/report', 'text/csv', { baseUrl });
    const bytes = Buffer.from(await file.arrayBuffer());
    // The BOM that lets Excel read UTF-8 survives (text() would decode it away).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('Terminal,Merchant\nT1,"老王, 朝阳"\n');
  });

  it("throws the API's reason for a refused file", async () => {
    server.answer('/api/v1/report', 400, {
      error: {
        code: 'VALIDATION',
        message: 'to: must be after from',
        fields: [{ field: 'to', message: 'must be after from' }],
      },
    });
    const error = await failureOf(apiGetFile('/report', 'application/pdf', { baseUrl }));
    expect(error).toMatchObject({
      status: 400,
      message: 'to: must be after from',
      fields: [{ field: 'to' }],
    });
  });
});
