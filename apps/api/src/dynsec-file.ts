import { ConfigError, loadConfig } from './config/app-config';
import { writeDynsecFile } from './auth/device/mosquitto/write-dynsec-file';
import { openDatabase } from './storage/open-database';

/**
 * `npm run broker:dynsec-file -- <path>`: Mosquitto's dynamic-security file with every
 * account at once, from the platform's database (same environment as the platform). Put it
 * in the broker's data volume while Mosquitto is stopped; see MOSQUITTO.md.
 */
async function run(): Promise<void> {
  const path = process.argv[2];
  if (!path) throw new Error('usage: npm run broker:dynsec-file -- <path of dynamic-security.json>');
  const config = loadConfig();
  // Before opening anything: an embedded database would otherwise be created for nothing.
  if (!config.mqttDynsec || !config.mqttUrl)
    throw new Error('set MQTT_DYNSEC_USER, MQTT_DYNSEC_PASSWORD and MQTT_URL');
  process.stderr.write('dynsec-file: reading device credentials…\n');
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const count = await writeDynsecFile(config, database, path);
    process.stderr.write(`dynsec-file: wrote ${path} with ${count} terminals, the ingestor and the admin\n`);
  } finally {
    await database.close();
  }
}

run().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`dynsec-file: ${message.split('\n')[0]}\n`);
  process.exit(1);
});
