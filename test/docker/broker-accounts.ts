import { DynsecControl } from '../../apps/api/src/auth/device/mosquitto/dynsec-control';
import { applyBaseline } from '../../apps/api/src/auth/device/mosquitto/dynsec-baseline';
import {
  assertApplied,
  terminalSecretCommands,
} from '../../apps/api/src/auth/device/mosquitto/dynsec-commands';
import { DYNSEC_ADMIN, type MosquittoUnderTest } from './mosquitto-under-test';

/** The ingestor's login as docker/.env would give it in MQTT_URL. */
export const TEST_INGEST = { username: 'fleet.ingest', password: 'ingest-secret-for-tests' };

/**
 * Writes the accounts the platform writes (baseline, then one per terminal) through the
 * same commands it uses, for specs that exercise the broker without the whole platform.
 */
export async function provisionAccounts(
  broker: MosquittoUnderTest,
  terminals: Record<string, string> = {},
  shareGroup = 'fleet-ingest',
): Promise<void> {
  const control = await DynsecControl.connect(broker.url, DYNSEC_ADMIN.username, DYNSEC_ADMIN.password);
  try {
    await applyBaseline(control, { ingest: TEST_INGEST, shareGroup }, 'baseline');
    for (const [terminalId, password] of Object.entries(terminals)) {
      assertApplied(await control.send(terminalSecretCommands(terminalId, password)), terminalId);
    }
  } finally {
    await control.close();
  }
}
