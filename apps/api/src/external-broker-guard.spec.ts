import { describe, expect, it } from 'vitest';
import { loadConfig } from './config/app-config';
import { externalBrokerUnguarded } from './external-broker-guard';

const external = { MQTT_URL: 'mqtt://fleet.ingest:ingest-secret-1@broker:1883' };

describe('externalBrokerUnguarded', () => {
  it('warns when device auth is on, the broker is external and the platform keeps no accounts there', () => {
    expect(externalBrokerUnguarded(loadConfig(external))).toMatch(/MQTT_DYNSEC_USER.*EMQX_HOOK_SECRET/);
  });

  it('is quiet with the embedded broker, with device auth off, or when dynamic security or the EMQX hook is set', () => {
    expect(externalBrokerUnguarded(loadConfig({}))).toBeUndefined();
    expect(externalBrokerUnguarded(loadConfig({ ...external, FLEET_DEVICE_AUTH: 'off' }))).toBeUndefined();
    const dynsec = { MQTT_DYNSEC_USER: 'fleet-admin', MQTT_DYNSEC_PASSWORD: 'admin-password-1' };
    expect(externalBrokerUnguarded(loadConfig({ ...external, ...dynsec }))).toBeUndefined();
    expect(
      externalBrokerUnguarded(loadConfig({ ...external, EMQX_HOOK_SECRET: 'x'.repeat(32) })),
    ).toBeUndefined();
  });
});
