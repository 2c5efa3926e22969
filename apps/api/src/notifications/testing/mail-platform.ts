import mqtt from 'mqtt';
import type { ParsedMail } from 'mailparser';
import type { ChannelInputs } from '@fleet/telemetry/protocol/messages';
import { topicFor, type Channel } from '@fleet/telemetry/protocol/topics';
import { AlertEngine } from '../../alerts/alert-engine';
import { AlertsModule } from '../../alerts/alerts.module';
import { authDb } from '../../auth/auth-tables';
import { startRiskPlatform, type RiskPlatform } from '../../risk/testing/risk-test-platform';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { AlertNotificationsModule } from '../alert-notifications.module';
import { AlertRulesApiModule } from '../routing/alert-rules-api.module';
import { DEFAULT_NOTIFICATION_OPTIONS, NOTIFICATION_OPTIONS } from '../notification-options';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server';

export type Message = [string, Channel, ChannelInputs[Channel]];

export interface MailPlatform {
  platform: RiskPlatform;
  smtp: SmtpTestServer;
  /** Publishes like terminals (QoS 1), then waits for the commit, the risk engine and the alert rules. */
  publish(messages: Message[]): Promise<void>;
  /** Adds an enabled user with the e-mail `{username}@example.test`; returns its id. */
  addUser(
    username: string,
    role: string,
    locale: string,
    regions?: string[],
    merchantIds?: string[],
  ): Promise<string>;
  mailsTo(address: string): ParsedMail[];
  /** Stops the app and starts a fresh one over the same database, as after a restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Providers replaced for one test (e.g. a shorter escalation policy). */
export type MailPlatformOverrides = Array<{ token: symbol; value: unknown }>;

/**
 * The real parts from a terminal to a mailbox: the embedded broker and database, the
 * ingest, the risk engine on `clock`, the alert rules, the routing and its rules (with their service), the outbox and a real
 * SMTP server, with group waits short enough for a test.
 */
export async function startMailPlatform(
  clock: () => number,
  overrides: MailPlatformOverrides = [],
): Promise<MailPlatform> {
  const smtp = await startSmtpTestServer();
  const test: TestDatabase = await createTestDatabase('embedded');
  const boot = (): Promise<RiskPlatform> =>
    startRiskPlatform({
      database: test.database,
      risk: { now: clock, sweepIntervalMs: 3_600_000 },
      env: { SMTP_URL: smtp.url, NOTIFY_FROM: 'Fleet Monitor <fleet@example.test>' },
      imports: [AlertsModule, AlertNotificationsModule, AlertRulesApiModule],
      overrides: [
        {
          token: NOTIFICATION_OPTIONS,
          value: {
            ...DEFAULT_NOTIFICATION_OPTIONS,
            pollMs: 100,
            grouping: { groupWaitMs: 200, groupIntervalMs: 200 },
          },
        },
        ...overrides,
      ],
    });
  let platform = await boot();
  const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text;
  return {
    get platform() {
      return platform;
    },
    smtp,
    async publish(messages) {
      const before = platform.stats();
      const client = await mqtt.connectAsync(platform.brokerUrl, {
        protocolVersion: 4,
        clientId: `mail-${Date.now()}`,
      });
      for (const [tid, channel, payload] of messages) {
        await client.publishAsync(topicFor(tid, channel), JSON.stringify(payload), { qos: 1 });
      }
      await client.endAsync();
      await platform.ingested(before.stored + before.duplicates + before.rejected + messages.length);
      await platform.risk.settled();
      await platform.app.get(AlertEngine).evaluate();
    },
    async addUser(username, role, locale, regions = [], merchantIds = []) {
      const row = await authDb(test.database)
        .insertInto('users')
        .values({
          username,
          password_hash: 'x',
          role,
          regions,
          merchant_ids: merchantIds,
          email: `${username}@example.test`,
          locale,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    mailsTo: (address) => smtp.mails.filter((mail) => to(mail) === address),
    async restart() {
      await platform.close();
      platform = await boot();
    },
    async close() {
      await platform.close();
      await test.drop();
      await smtp.close();
    },
  };
}
