import { CompiledQuery } from 'kysely';
import mqtt from 'mqtt';
import { FLEET_WILDCARD } from '@fleet/telemetry/protocol/topics';
import { validateMessage } from '@fleet/telemetry/protocol/validate';
import type { Database } from '../../../apps/api/src/storage/database';
import { buildRawInserts } from '../../../apps/api/src/storage/telemetry/raw-insert';
import type { PhaseProbe } from './phase';

const RETENTION_MS = 30 * 86_400_000;

/**
 * The naive ingestor to compare against: MQTT.js, one INSERT (autocommit) per message,
 * acked when it returns, so messages are handled one at a time.
 */
export async function startNaiveIngestor(
  url: string,
  database: Database,
  probe: PhaseProbe,
): Promise<() => Promise<void>> {
  const client = mqtt.connect(url, {
    clientId: 'bench-naive',
    protocolVersion: 5,
    clean: true,
    reconnectPeriod: 0,
    manualConnect: true,
  });
  client.handleMessage = (packet, callback) => {
    const result = validateMessage(packet.topic, packet.payload as Buffer, {
      receivedAt: Date.now(),
      retentionMs: RETENTION_MS,
    });
    if (!result.ok) return callback();
    const [insert] = buildRawInserts([result.message]);
    if (!insert) return callback();
    database.db.executeQuery(CompiledQuery.raw(insert.sql, insert.parameters)).then(
      () => {
        probe.done(1, Date.now(), [result.message.ts]);
        callback();
      },
      (error: unknown) => callback(error as Error),
    );
  };
  client.connect();
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  await client.subscribeAsync(`$share/naive/${FLEET_WILDCARD}`, { qos: 1 });
  return () => client.endAsync(true);
}
