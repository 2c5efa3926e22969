import { Module } from '@nestjs/common';
import { DeviceCredentialsController } from './device-credentials.controller';
import { DeviceCredentialsRepository } from './device-credentials.repository';
import { DeviceCredentialsService } from './device-credentials.service';
import { FleetDeviceAuthorizer } from './fleet-device-authorizer';
import { IngestCredentials } from './ingest-credentials';
import { MosquittoAuthFiles } from './mosquitto-auth-files';

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
    MosquittoAuthFiles,
  ],
  exports: [DeviceCredentialsService, FleetDeviceAuthorizer, IngestCredentials, MosquittoAuthFiles],
})
export class DeviceAuthModule {}
