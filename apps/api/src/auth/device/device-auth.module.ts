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
import { MosquittoAuthFiles } from './mosquitto-auth-files';

/**
 * Terminal MQTT secrets and the broker's device checks (embedded broker, Mosquitto files,
 * EMQX HTTP hooks). Needs AuthModule (global) and AuditModule. Wire the broker with
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
    MosquittoAuthFiles,
    EmqxHookService,
    EmqxHookSecretGuard,
  ],
  exports: [DeviceCredentialsService, FleetDeviceAuthorizer, IngestCredentials, MosquittoAuthFiles],
})
export class DeviceAuthModule {}
