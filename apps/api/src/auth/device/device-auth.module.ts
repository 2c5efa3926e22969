import { Module } from '@nestjs/common';
import { DeviceCredentialsController } from './device-credentials.controller';
import { DeviceCredentialsRepository } from './device-credentials.repository';
import { DeviceCredentialsService } from './device-credentials.service';
import { FleetDeviceAuthorizer } from './fleet-device-authorizer';
import { IngestCredentials } from './ingest-credentials';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { BROKER_ACCOUNTS } from './broker-accounts';
import { MosquittoDynsecAccounts } from './mosquitto/mosquitto-dynsec-accounts';

/**
 * Terminal MQTT secrets and the broker's device checks. Needs AuthModule (global) and
 * AuditModule. Wire the broker with
 * `BrokerModule.forRoot({ authorizer: FleetDeviceAuthorizer, imports: [DeviceAuthModule] })`.
 */
@Module({
  controllers: [DeviceCredentialsController],
  providers: [
    DeviceCredentialsRepository,
    DeviceCredentialsService,
    FleetDeviceAuthorizer,
    { provide: IngestCredentials, useFactory: () => new IngestCredentials() },
    {
      // Resolved before any module starts, so the ingestor's login exists when it connects.
      provide: BROKER_ACCOUNTS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.mqttDynsec ? MosquittoDynsecAccounts.start(config) : null),
    },
  ],
  exports: [DeviceCredentialsService, FleetDeviceAuthorizer, IngestCredentials],
})
export class DeviceAuthModule {}
