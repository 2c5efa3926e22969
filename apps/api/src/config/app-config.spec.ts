import { describe, expect, it } from 'vitest';
import { loadConfig } from './app-config';

const dynsec = { MQTT_DYNSEC_USER: 'fleet-admin', MQTT_DYNSEC_PASSWORD: 'admin-password-1' };

describe('loadConfig: the broker settings', () => {
  it('binds the embedded broker to loopback unless MQTT_HOST says otherwise', () => {
    expect(loadConfig({}).mqttHost).toBe('127.0.0.1');
    expect(loadConfig({ MQTT_HOST: '0.0.0.0' }).mqttHost).toBe('0.0.0.0');
  });

  it('takes the dynamic-security login with an MQTT_URL carrying the ingestor’s own login', () => {
    const config = loadConfig({ ...dynsec, MQTT_URL: 'mqtt://fleet.ingest:ingest-secret-1@mosquitto:1883' });
    expect(config.mqttDynsec).toEqual({ username: 'fleet-admin', password: 'admin-password-1' });
  });

  it('refuses a dynamic-security login without MQTT_URL, without the ingestor login, or with only half of it', () => {
    expect(() => loadConfig(dynsec)).toThrow(/MQTT_DYNSEC_USER needs MQTT_URL with the ingestor login/);
    expect(() => loadConfig({ ...dynsec, MQTT_URL: 'mqtt://mosquitto:1883' })).toThrow(/ingestor login/);
    expect(() => loadConfig({ MQTT_DYNSEC_USER: 'fleet-admin', MQTT_URL: 'mqtt://a.b:c@h:1' })).toThrow(
      /must be set together/,
    );
  });

  it('refuses an ingestor login that a terminal could also have', () => {
    expect(() => loadConfig({ ...dynsec, MQTT_URL: 'mqtt://ingest:ingest-secret-1@mosquitto:1883' })).toThrow(
      /must not look like a terminal id/,
    );
  });

  it('bounds the access-token lifetime', () => {
    expect(loadConfig({}).accessTokenTtlS).toBe(900);
    expect(() => loadConfig({ FLEET_ACCESS_TOKEN_TTL_S: '5' })).toThrow(
      /FLEET_ACCESS_TOKEN_TTL_S must be at least 10/,
    );
  });
});
