import { chmod, rename, writeFile } from 'node:fs/promises';
import type { AppConfig } from '../../../config/app-config';
import { parseBrokerUrl } from '../../../ingest/broker-address';
import type { Database } from '../../../storage/database';
import { authDb } from '../../auth-tables';
import { dynsecConfigFile } from './dynsec-config-file';

/**
 * Writes Mosquitto's dynamic-security file with every terminal that has a secret, the
 * ingestor (MQTT_URL) and the admin (MQTT_DYNSEC_*), atomically and readable by its owner
 * only. Returns how many terminals it holds.
 */
export async function writeDynsecFile(config: AppConfig, database: Database, path: string): Promise<number> {
  const admin = config.mqttDynsec;
  if (!admin || !config.mqttUrl) throw new Error('set MQTT_DYNSEC_USER, MQTT_DYNSEC_PASSWORD and MQTT_URL');
  const { username, password } = parseBrokerUrl(config.mqttUrl);
  const terminals = await authDb(database)
    .selectFrom('device_credentials')
    .select(['terminal_id as terminalId', 'broker_hash as brokerHash'])
    .orderBy('terminal_id')
    .execute();
  const content = dynsecConfigFile({
    admin,
    ingest: { username: username!, password: password! },
    shareGroup: config.ingest.shareGroup,
    terminals,
  });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
  return terminals.length;
}
