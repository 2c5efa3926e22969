import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ZodValidationPipe } from 'nestjs-zod';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { DeviceAuthModule } from '../auth/device/device-auth.module';
import { FleetDeviceAuthorizer } from '../auth/device/fleet-device-authorizer';
import { BrokerModule } from '../broker/broker.module';
import { ClusterModule } from '../cluster/cluster.module';
import { DomainExceptionFilter } from '../common/errors/domain-exception.filter';
import type { AppConfig } from '../config/app-config';
import { DemoModule } from '../demo/demo.module';
import { DispatchModule } from '../dispatch/dispatch.module';
import { FleetModule } from '../fleet/fleet.module';
import { HealthModule } from '../health/health.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { IngestModule } from '../ingest/ingest.module';
import { LiveModule } from '../live/live.module';
import { MetricsModule } from '../metrics/metrics.module';
import { AlertNotificationsModule } from '../notifications/alert-notifications.module';
import { NotificationsApiModule } from '../notifications/notifications-api.module';
import { RedisModule } from '../redis/redis.module';
import { ReportsModule } from '../reports/reports.module';
import { ReportSubscriptionsModule } from '../reports/subscriptions/report-subscriptions.module';
import { RiskModule } from '../risk/risk.module';
import { StorageModule } from '../storage/storage.module';
import { TerminalsModule } from '../terminals/terminals.module';
import { ConfigModule } from './config.module';

/** The built dashboard, served on the API's port when it has been built. */
const WEB_DIST = resolve(__dirname, '../../../web/dist');

function webModules(): DynamicModule[] {
  if (!existsSync(resolve(WEB_DIST, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: WEB_DIST,
      exclude: ['/api/{*path}', '/metrics', '/socket.io/{*path}'],
    }),
  ];
}

/**
 * The composition root. Data flows one way: broker → ingest → storage → risk → API,
 * socket → web. Order matters for routes: specific paths (at-risk) before `:terminalId`.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        RedisModule,
        StorageModule,
        ClusterModule,
        MetricsModule,
        AuditModule,
        AuthModule.forRoot(),
        DeviceAuthModule,
        BrokerModule.forRoot({ authorizer: FleetDeviceAuthorizer, imports: [DeviceAuthModule] }),
        IngestModule,
        HealthModule,
        // Before TerminalsModule: `/terminals/at-risk` must win over `/terminals/:terminalId`.
        RiskModule,
        IncidentsModule,
        AlertsModule,
        TerminalsModule,
        FleetModule,
        LiveModule,
        AlertNotificationsModule,
        NotificationsApiModule,
        DispatchModule,
        ReportsModule,
        ReportSubscriptionsModule,
        ...(config.demoFleetSize > 0 ? [DemoModule] : []),
        ...webModules(),
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
      ],
    };
  }
}
