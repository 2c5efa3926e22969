import { describe, expect, it } from 'vitest';
import { parseBrokerUrl, redactBrokerUrl } from './broker-address';

describe('parseBrokerUrl', () => {
  it('reads host, port and URL-encoded credentials', () => {
    expect(parseBrokerUrl('mqtt://ingest:p%40ss@broker.local:1884')).toEqual({
      host: 'broker.local',
      port: 1884,
      tls: false,
      username: 'ingest',
      password: 'p@ss',
    });
  });

  it('defaults the port by scheme and turns TLS on for mqtts', () => {
    expect(parseBrokerUrl('mqtts://broker.local')).toMatchObject({
      port: 8883,
      tls: true,
      username: undefined,
    });
    expect(parseBrokerUrl('tcp://[::1]')).toMatchObject({ host: '::1', port: 1883, tls: false });
  });

  it('names a bad URL or scheme', () => {
    expect(() => parseBrokerUrl('not a url')).toThrow('MQTT_URL "not a url" is not a URL');
    expect(() => parseBrokerUrl('http://x')).toThrow('scheme http:');
  });

  it('hides the password when logging', () => {
    expect(redactBrokerUrl('mqtt://u:secret@h:1883')).toBe('mqtt://u:***@h:1883');
  });
});
