import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './app-config';

const shared = {
  DATABASE_URL: 'postgres://fleet@db:5432/fleet',
  MQTT_URL: 'mqtt://fleet.ingest:secret@broker:1883',
};

describe('loadConfig: several processes (FLEET_ROLES)', () => {
  it('keeps the single process of npm start when FLEET_ROLES is unset', () => {
    expect(loadConfig({}).cluster).toBeUndefined();
    expect(loadConfig(shared).cluster).toBeUndefined();
  });

  it('takes the roles and names the process by its host and port', () => {
    const config = loadConfig({ ...shared, FLEET_ROLES: 'ingest,http', PORT: '3100' });
    expect([...config.cluster!.roles]).toEqual(['ingest', 'http']);
    expect(config.cluster!.nodeId).toBe(`${hostname()}-3100`);
  });

  it('refuses an unknown role, naming the variable', () => {
    expect(() => loadConfig({ ...shared, FLEET_ROLES: 'ingest,web' })).toThrow(
      /FLEET_ROLES must be a comma list of ingest, risk, http/,
    );
  });

  it('refuses roles without the database and broker the processes share', () => {
    expect(() => loadConfig({ MQTT_URL: shared.MQTT_URL, FLEET_ROLES: 'risk' })).toThrow(
      /FLEET_ROLES needs DATABASE_URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: shared.DATABASE_URL, FLEET_ROLES: 'risk' })).toThrow(
      /FLEET_ROLES needs MQTT_URL/,
    );
  });
});
