import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../../config/app-config';
import type { BrokerAccounts } from '../broker-accounts';
import type { IngestCredentials } from '../ingest-credentials';
import { DynsecControl } from './dynsec-control';
import { applyBaseline } from './dynsec-baseline';
import { assertApplied, terminalSecretCommands } from './dynsec-commands';

/**
 * The platform as the source of Mosquitto's accounts: at start it sets the baseline (deny
 * by default, the ingestor's login from MQTT_URL), and every secret it issues reaches the
 * broker before the API answers, so a rotation takes effect at once, without a reload.
 */
export class MosquittoDynsecAccounts implements BrokerAccounts, OnApplicationShutdown {
  private readonly logger = new Logger('MosquittoDynsec');

  private constructor(private readonly control: DynsecControl) {}

  /** `ingest` is the login of MQTT_URL, the one client that may read the fleet. */
  static async start(config: AppConfig, ingest: IngestCredentials): Promise<MosquittoDynsecAccounts> {
    const admin = config.mqttDynsec!;
    const url = new URL(config.mqttUrl!);
    url.username = '';
    url.password = '';
    const control = await DynsecControl.connect(url.toString(), admin.username, admin.password).catch(
      (error: Error) => {
        throw new Error(`MQTT_DYNSEC_USER: cannot open the broker's dynamic security (${error.message})`);
      },
    );
    const accounts = new MosquittoDynsecAccounts(control);
    try {
      const login = { username: ingest.username, password: ingest.password };
      await applyBaseline(
        control,
        { ingest: login, shareGroup: config.ingest.shareGroup },
        'MQTT_DYNSEC_USER',
      );
    } catch (error) {
      await control.close();
      throw error;
    }
    accounts.logger.log(`broker accounts kept by the platform; ingestor login ${ingest.username}`);
    return accounts;
  }

  async setTerminalSecret(terminalId: string, password: string): Promise<void> {
    assertApplied(
      await this.control.send(terminalSecretCommands(terminalId, password)),
      `terminal ${terminalId}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.control.close();
  }
}
