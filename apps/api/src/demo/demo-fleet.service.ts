import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { buildFleet, type Fleet } from '@fleet/simulator/fleet/build-fleet';
import type { DemoStatus } from '@fleet/telemetry/api/health';
import { generateHistory } from '@fleet/simulator/history/generate-history';
import { publishHistory } from '@fleet/simulator/history/publish-history';
import { startFleet, type FleetHandle } from '@fleet/simulator/live/start-fleet';
import { DeviceCredentialsService } from '../auth/device/device-credentials.service';
import { BROKER_ENDPOINT, type BrokerEndpoint } from '../broker/broker-endpoint';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RiskService } from '../risk/risk.service';
import { TerminalsRepository } from '../storage/repositories/terminals.repository';

const HOUR = 3_600_000;
/** History this close to now lets the live fleet carry on without a visible gap. */
const CAUGHT_UP_GAP_MS = 15_000;
/** Each pass covers the time the one before took, so a few always suffice. */
const MAX_BACKFILL_PASSES = 5;

/**
 * The simulated fleet of `npm start`: imports the terminals, back-fills the hours of
 * history the risk engine needs to see trends (first start only), then plays the
 * fleet live. It talks to the platform only over MQTT, like real terminals.
 */
@Injectable()
export class DemoFleetService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DemoFleet');
  private handle?: FleetHandle;
  private stopped = false;
  private current: DemoStatus;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(BROKER_ENDPOINT) private readonly broker: BrokerEndpoint,
    private readonly terminals: TerminalsRepository,
    private readonly credentials: DeviceCredentialsService,
    private readonly risk: RiskService,
  ) {
    this.current = { phase: 'starting', terminals: config.demoFleetSize, backfillPublished: 0 };
  }

  /** Reported by GET /health, so operators and tests can tell when the fleet is live. */
  status(): DemoStatus {
    return { ...this.current };
  }

  onApplicationBootstrap(): void {
    // Runs beside the API rather than delaying start-up; progress goes to the log.
    this.run().catch((error: unknown) => {
      this.current.phase = 'failed';
      this.risk.endReplay();
      this.logger.error(`demo fleet stopped: ${(error as Error).message}`);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.current.phase = 'stopped';
    await this.handle?.stop();
  }

  private async run(): Promise<void> {
    const { demoFleetSize: size, demoSeed: seed, demoHistoryHours } = this.config;
    const fleet = buildFleet({ size, seed });
    const firstStart = (await this.terminals.summary()).total === 0;
    await this.terminals.importTerminals(fleet.importRows);
    this.logger.log(`demo fleet: ${size} terminals imported (seed ${seed})`);
    if (firstStart && demoHistoryHours > 0) {
      this.current.phase = 'backfill';
      // The history arrives over minutes; judge it at its own time, not as a silent fleet.
      this.risk.beginReplay();
      await this.backfill(fleet, demoHistoryHours);
    }
    if (this.stopped) return;
    const passwords = await this.issueSecrets(fleet);
    this.handle = await startFleet({
      brokerUrl: this.broker.url,
      fleet,
      protocolVersion: this.broker.protocolVersion,
      passwordFor: passwords ? (id) => passwords.get(id) : undefined,
      onProgress: (s) =>
        this.logger.debug(`demo fleet live: ${s.connected} connected, ${s.published} published`),
    });
    this.risk.endReplayWhenCaughtUp();
    this.current.phase = 'live';
    this.logger.log(`demo fleet: ${size} terminals live on ${this.broker.url}`);
  }

  /**
   * Publishes the fleet's last `hours` of history, then again the minutes that took, until
   * the history reaches within a few seconds of now: the live fleet then carries on where
   * it ends, instead of after a gap every terminal would seem to have gone silent in.
   */
  private async backfill(fleet: Fleet, hours: number): Promise<void> {
    let from = Date.now() - hours * HOUR;
    this.logger.log(`demo fleet: back-filling the last ${hours} h of telemetry`);
    for (let pass = 1; pass <= MAX_BACKFILL_PASSES && !this.stopped; pass++) {
      const to = Date.now();
      const done = this.current.backfillPublished;
      const result = await publishHistory({
        brokerUrl: this.broker.url,
        messages: generateHistory({ fleet, from, to }),
        protocolVersion: this.broker.protocolVersion,
        username: this.broker.platformCredentials?.username,
        password: this.broker.platformCredentials?.password,
        progressIntervalMs: 5000,
        onProgress: (p) => {
          this.current.backfillPublished = done + p.published;
          this.logger.log(`demo fleet: back-fill ${this.current.backfillPublished} messages published`);
        },
      });
      this.current.backfillPublished = done + result.published;
      const seconds = Math.round(result.elapsedMs / 1000);
      this.logger.log(
        `demo fleet: back-fill pass ${pass} done, ${result.published} messages in ${seconds} s`,
      );
      from = to;
      if (Date.now() - to < CAUGHT_UP_GAP_MS) return;
    }
  }

  /** With device auth on, each simulated terminal needs its own secret, like a real one. */
  private async issueSecrets(fleet: Fleet): Promise<Map<string, string> | undefined> {
    if (!this.config.deviceAuth) return undefined;
    const secrets = new Map<string, string>();
    for (const { terminalId } of fleet.importRows) {
      const { password } = await this.credentials.issue('demo', terminalId);
      secrets.set(terminalId, password);
    }
    return secrets;
  }
}
