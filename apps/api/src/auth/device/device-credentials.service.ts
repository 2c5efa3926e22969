import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
  Optional,
} from '@nestjs/common';
import { TERMINAL_ID_PATTERN } from '@fleet/telemetry/protocol/topics';
import { AuditService } from '../../audit/audit.service';
import { SHARED_REDIS, type SharedRedis } from '../../redis/shared-redis';
import { UnavailableError, ValidationError } from '../../common/errors/domain-error';
import { AUTH_OPTIONS, type AuthOptions } from '../auth-options';
import { AUTH_CLOCK, type Clock } from '../clock';
import { SERVER_SECRETS, type ServerSecrets } from '../session/server-secrets';
import { BROKER_ACCOUNTS, type BrokerAccounts } from './broker-accounts';
import { DeviceCredentialsRepository } from './device-credentials.repository';
import { deviceSecretHash, mosquittoPasswordHash, newDeviceSecret, sameHash } from './device-secret-hash';
import { SecretHashCache } from './secret-hash-cache';

export interface IssuedDeviceCredentials {
  terminalId: string;
  /** The MQTT password; shown once, never stored in clear. */
  password: string;
}

/** Every process forgets a terminal's cached hash when one of them rotates its secret. */
const ROTATED_CHANNEL = 'device-secret.rotated';

/** Issues, rotates and checks terminals' MQTT secrets. */
@Injectable()
export class DeviceCredentialsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('DeviceCredentials');
  private readonly cache: SecretHashCache;
  private unsubscribe?: () => Promise<void>;

  constructor(
    private readonly credentials: DeviceCredentialsRepository,
    private readonly audit: AuditService,
    @Inject(SERVER_SECRETS) private readonly secrets: ServerSecrets,
    @Inject(AUTH_OPTIONS) options: AuthOptions,
    @Inject(AUTH_CLOCK) private readonly now: Clock,
    @Optional() @Inject(BROKER_ACCOUNTS) private readonly broker: BrokerAccounts | null = null,
    @Optional() @Inject(SHARED_REDIS) private readonly redis: SharedRedis | null = null,
  ) {
    this.cache = new SecretHashCache(options.deviceSecretCacheMs);
  }

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.redis?.subscribe(ROTATED_CHANNEL, (terminalId) =>
      this.cache.forget(terminalId),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.unsubscribe?.().catch(() => undefined);
  }

  /**
   * A new secret for the terminal, replacing any previous one. Audited. The broker's account
   * (if it keeps one) changes first: a secret the broker does not know is never handed out.
   */
  async issue(actor: string, terminalId: string): Promise<IssuedDeviceCredentials> {
    if (!TERMINAL_ID_PATTERN.test(terminalId)) {
      throw new ValidationError([{ field: 'terminalId', message: 'must match [A-Za-z0-9_-]{1,64}' }]);
    }
    const password = newDeviceSecret();
    await this.broker?.setTerminalSecret(terminalId, password).catch((error: Error) => {
      throw new UnavailableError(`the broker did not take the new secret, nothing changed: ${error.message}`);
    });
    const rotated = await this.credentials.upsert({
      terminalId,
      secretHash: deviceSecretHash(this.secrets.devicePepper, password),
      brokerHash: mosquittoPasswordHash(password),
      rotatedAt: new Date(this.now()),
    });
    this.cache.forget(terminalId);
    await this.redis?.publish(ROTATED_CHANNEL, terminalId).catch((error: Error) => {
      this.logger.error(
        `other processes may accept the old secret of ${terminalId} until their cache expires: ${error.message}`,
      );
    });
    await this.audit.record(
      actor,
      rotated ? 'device_credentials.rotated' : 'device_credentials.issued',
      `terminal:${terminalId}`,
    );
    return { terminalId, password };
  }

  /** Whether `secret` is the terminal's current secret. */
  async verify(terminalId: string, secret: string): Promise<boolean> {
    const now = this.now();
    let stored = this.cache.get(terminalId, now);
    if (stored === undefined) {
      const generation = this.cache.generation;
      stored = (await this.credentials.secretHashOf(terminalId)) ?? null;
      this.cache.set(terminalId, stored, now, generation);
    }
    return stored !== null && sameHash(stored, deviceSecretHash(this.secrets.devicePepper, secret));
  }
}
