import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = resolve(__dirname, '../../apps/api/dist/main.js');
const run = promisify(execFile);

/** Runs the built entry point and returns what it printed when it stopped. */
async function startExpectingFailure(env: Record<string, string>): Promise<{ code: number; stderr: string; stdout: string }> {
  try {
    await run(process.execPath, [MAIN], { env: { PATH: process.env.PATH, ...env }, timeout: 60_000 });
    throw new Error('start-up was expected to fail');
  } catch (error) {
    const e = error as { code: number; stderr: string; stdout: string };
    return { code: e.code, stderr: e.stderr, stdout: e.stdout };
  }
}

function listen(): Promise<Server> {
  return new Promise((ok) => {
    const server = createServer();
    server.listen(0, '0.0.0.0', () => ok(server));
  });
}

describe.skipIf(!existsSync(MAIN) && !process.env.CI)('start-up failures name their cause in one line', () => {
  let taken: Server;
  let dataDir: string;
  let port: number;

  beforeAll(async () => {
    expect(existsSync(MAIN), `build first: ${MAIN}`).toBe(true);
    taken = await listen();
    port = (taken.address() as { port: number }).port;
    dataDir = mkdtempSync(join(tmpdir(), 'fleet-startup-'));
  });
  afterAll(() => {
    taken?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names every bad variable', async () => {
    const { code, stderr } = await startExpectingFailure({ PORT: 'eighty', FLEET_DEVICE_AUTH: 'maybe' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('FLEET_DEVICE_AUTH');
  });

  it('names a bad SMTP_URL in one line', async () => {
    const { code, stderr } = await startExpectingFailure({
      SMTP_URL: 'mail.example.com:25',
      NOTIFY_FROM: 'fleet@example.com',
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('SMTP_URL must look like smtp://user:pass@host:587');
  });

  it('names a taken HTTP port', async () => {
    const { code, stderr } = await startExpectingFailure({
      PORT: String(port),
      MQTT_PORT: '0',
      DATA_DIR: dataDir,
      FLEET_DEVICE_AUTH: 'off',
      LOG_LEVEL: 'silent',
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`fleet: start-up failed: PORT ${port} is already in use`);
  });

  it('names a taken MQTT port', async () => {
    const { code, stderr } = await startExpectingFailure({
      PORT: '0',
      MQTT_PORT: String(port),
      DATA_DIR: dataDir,
      FLEET_DEVICE_AUTH: 'off',
      LOG_LEVEL: 'silent',
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`fleet: start-up failed: MQTT_PORT ${port} is already in use`);
  });

  it('names an unreachable database server', async () => {
    const { code, stderr } = await startExpectingFailure({
      PORT: '0',
      MQTT_PORT: '0',
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/fleet`,
      LOG_LEVEL: 'silent',
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/DATABASE_URL: cannot connect to 127\.0\.0\.1/);
  });
});
