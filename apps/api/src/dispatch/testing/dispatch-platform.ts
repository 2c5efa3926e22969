import mqtt from 'mqtt';
import type { ChannelInputs } from '@fleet/telemetry/protocol/messages';
import { topicFor, type Channel } from '@fleet/telemetry/protocol/topics';
import { AlertEngine } from '../../alerts/alert-engine';
import { AlertsModule } from '../../alerts/alerts.module';
import { authDb } from '../../auth/auth-tables';
import { DEFAULT_NOTIFICATION_OPTIONS, NOTIFICATION_OPTIONS } from '../../notifications/notification-options';
import { NotificationWorker } from '../../notifications/notification-worker';
import { startSmsTestGateway, type SmsTestGateway } from '../../notifications/testing/sms-test-gateway';
import { startRiskPlatform, type RiskPlatform } from '../../risk/testing/risk-test-platform';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { DispatchEngine } from '../dispatch-engine';
import { DispatchModule } from '../dispatch.module';

export type Message = [string, Channel, ChannelInputs[Channel]];

export interface DispatchPlatform {
  platform: RiskPlatform;
  test: TestDatabase;
  sms: SmsTestGateway;
  /** Publishes like terminals (QoS 1), waits for the commit and the risk engine, then a full sweep. */
  publish(messages: Message[]): Promise<void>;
  /** Moves the alerts' clock, sweeps the risk engine, runs the alert rules, then dispatch. */
  evaluateAt(at: number): Promise<void>;
  addTechnician(
    username: string,
    region: string,
    phone: string,
    homeBase: { lat: number; lon: number },
  ): Promise<string>;
  /** One outbox pass: due notices are delivered (SMS to the test gateway). */
  deliver(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real path from a terminal to a work order: embedded broker, ingest, PostgreSQL, the
 * risk engine and the alert rules on `clock`, dispatch, and the outbox with a real SMS gateway.
 */
export async function startDispatchPlatform(clock: { now: number }): Promise<DispatchPlatform> {
  const sms = await startSmsTestGateway();
  const test = await createTestDatabase('postgres');
  const platform = await startRiskPlatform({
    database: test.database,
    risk: { now: () => clock.now, sweepIntervalMs: 3_600_000 },
    env: { SMS_GATEWAY_URL: `${sms.url}/send` },
    imports: [AlertsModule, DispatchModule],
    overrides: [
      { token: NOTIFICATION_OPTIONS, value: { ...DEFAULT_NOTIFICATION_OPTIONS, autoStart: false } },
    ],
  });
  const evaluateAt = async (at: number) => {
    clock.now = at;
    await platform.risk.sweep();
    await platform.risk.settled();
    await platform.app.get(AlertEngine).evaluate();
    await platform.app.get(DispatchEngine).evaluate();
  };
  return {
    platform,
    test,
    sms,
    async publish(messages) {
      const before = platform.stats();
      const client = await mqtt.connectAsync(platform.brokerUrl, {
        protocolVersion: 4,
        clientId: `dispatch-${Date.now()}`,
      });
      try {
        for (const [tid, channel, payload] of messages)
          await client.publishAsync(topicFor(tid, channel), JSON.stringify(payload), { qos: 1 });
      } finally {
        await client.endAsync();
      }
      await platform.ingested(before.stored + before.duplicates + before.rejected + messages.length);
      await platform.caughtUp();
      await evaluateAt(clock.now);
    },
    evaluateAt,
    async addTechnician(username, region, phone, homeBase) {
      const row = await authDb(test.database)
        .insertInto('users')
        .values({
          username,
          password_hash: 'not-a-hash',
          role: 'technician',
          regions: [region],
          phone,
          locale: 'en',
          home_base: JSON.stringify(homeBase),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    deliver: () =>
      platform.app
        .get(NotificationWorker)
        .runOnce()
        .then(() => undefined),
    async close() {
      await platform.close();
      await test.drop();
      await sms.close();
    },
  };
}
