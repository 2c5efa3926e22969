import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type Provider,
  type Type,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { BROKER_ENDPOINT, type BrokerEndpoint } from './broker-endpoint';
import { AllowAllDeviceAuthorizer, DEVICE_AUTHORIZER, type DeviceAuthorizer } from './device-authorizer';
import { EmbeddedBroker } from './embedded-broker';
import { MetricsRegistry } from '../metrics/metrics-registry';

export const EMBEDDED_BROKER = Symbol('EMBEDDED_BROKER');

/** Closes the embedded broker (if any) when the application shuts down. */
@Injectable()
class EmbeddedBrokerLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EMBEDDED_BROKER) private readonly broker: EmbeddedBroker | null) {}
  async onApplicationShutdown(): Promise<void> {
    await this.broker?.close();
  }
}

export interface BrokerModuleOptions {
  /** The real device auth (apps/api/src/auth); required when FLEET_DEVICE_AUTH=on. */
  authorizer?: Type<DeviceAuthorizer>;
  /** Modules the authorizer needs (e.g. the one holding terminal credentials). */
  imports?: DynamicModule['imports'];
}

function authorizerProvider(options: BrokerModuleOptions): Provider {
  if (options.authorizer) return { provide: DEVICE_AUTHORIZER, useClass: options.authorizer };
  return {
    provide: DEVICE_AUTHORIZER,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig): DeviceAuthorizer => {
      if (config.deviceAuth && config.mqttUrl === undefined) {
        throw new Error(
          'FLEET_DEVICE_AUTH is on but no device authorizer is installed; set FLEET_DEVICE_AUTH=off',
        );
      }
      return new AllowAllDeviceAuthorizer();
    },
  };
}

/**
 * Starts the embedded aedes broker when MQTT_URL is unset, and tells the platform's MQTT
 * clients where the broker is (BROKER_ENDPOINT) in either case.
 */
@Module({})
export class BrokerModule {
  static forRoot(options: BrokerModuleOptions = {}): DynamicModule {
    return {
      module: BrokerModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        authorizerProvider(options),
        {
          provide: EMBEDDED_BROKER,
          inject: [APP_CONFIG, DEVICE_AUTHORIZER, { token: MetricsRegistry, optional: true }],
          useFactory: (config: AppConfig, authorizer: DeviceAuthorizer, metrics?: MetricsRegistry) =>
            config.mqttUrl === undefined
              ? EmbeddedBroker.start({
                  port: config.mqttPort,
                  host: config.mqttHost,
                  authorizer,
                  tls: config.mqttTls,
                  metrics: metrics?.registry,
                })
              : null,
        },
        {
          provide: BROKER_ENDPOINT,
          inject: [APP_CONFIG, EMBEDDED_BROKER],
          useFactory: (config: AppConfig, broker: EmbeddedBroker | null): BrokerEndpoint =>
            broker
              ? {
                  url: broker.url,
                  embedded: true,
                  protocolVersion: 4,
                  platformCredentials: {
                    username: broker.internalCredentials.username,
                    password: broker.internalCredentials.password,
                  },
                }
              : {
                  url: config.mqttUrl as string,
                  embedded: false,
                  protocolVersion: config.mqttProtocolVersion,
                },
        },
        EmbeddedBrokerLifecycle,
      ],
      exports: [BROKER_ENDPOINT, EMBEDDED_BROKER, DEVICE_AUTHORIZER],
    };
  }
}
