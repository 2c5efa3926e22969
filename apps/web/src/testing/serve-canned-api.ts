import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import type { CannedApiServer } from './canned-api-server';

/**
 * Points the app at a real local HTTP server for a spec file: starts it, sets
 * VITE_API_BASE before `load` imports the code under test (env is read at import),
 * and resets and stops it around the tests.
 */
export function serveCannedApi(server: CannedApiServer, load: () => Promise<void>): void {
  beforeAll(async () => {
    vi.stubEnv('VITE_API_BASE', `${await server.start()}/api/v1`);
    await load();
  });
  afterEach(() => {
    cleanup();
    server.reset();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await server.stop();
  });
}
