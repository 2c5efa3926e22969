import { Module } from '@nestjs/common';
import { AUTH_OPTIONS, type AuthOptions } from '../auth-options';
import { DeviceCredentialsController } from './device-credentials.controller';
import { DeviceCredentialsRepository } from './device-credentials.repository';
import { DeviceCredentialsService } from './device-credentials.service';
import { EmqxHookController } from './emqx/emqx-hook.controller';
import { EmqxHookSecretGuard } from './emqx/emqx-hook-secret.guard';
import { EmqxHookService } from './emqx/emqx-hook.service';
import { FleetDeviceAuthorizer } from './fleet-device-authorizer';
import { IngestCredentials } from './ingest-credentials';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { BROKER_ACCOUNTS } from './broker-accounts';
import { MosquittoDynsecAccounts } from './mosquitto/mosquitto-dynsec-accounts';

/**
 * Terminal MQTT secrets and the broker's device checks (embedded broker, Mosquitto's
 * dynamic security, EMQX HTTP hooks). Needs AuthModule (global) and AuditModule. Wire the broker with
 * `BrokerModule.forRoot({ authorizer: FleetDeviceAuthorizer, imports: [DeviceAuthModule] })`.
 */
@Module({
  controllers: [DeviceCredentialsController, EmqxHookController],
  providers: [
    DeviceCredentialsRepository,
    DeviceCredentialsService,
    FleetDeviceAuthorizer,
    {
      provide: IngestCredentials,
      inject: [AUTH_OPTIONS],
      useFactory: (options: AuthOptions) => new IngestCredentials(options.externalIngestLogin),
    },
    {
      // Resolved before any module starts, so the ingestor's login exists when it connects.
      provide: BROKER_ACCOUNTS,
      inject: [APP_CONFIG, IngestCredentials],
      useFactory: (config: AppConfig, ingest: IngestCredentials) =>
        config.mqttDynsec ? MosquittoDynsecAccounts.start(config, ingest) : null,
    },
    EmqxHookService,
    EmqxHookSecretGuard,
  ],
  exports: [DeviceCredentialsService, FleetDeviceAuthorizer, IngestCredentials],
})
export class DeviceAuthModule {}
