import mqtt from 'mqtt';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInputs } from '@fleet/telemetry/protocol/messages';
import { topicFor, type Channel } from '@fleet/telemetry/protocol/topics';
import { AlertEngine } from '../alerts/alert-engine';
import { AlertsModule } from '../alerts/alerts.module';
import { AlertsService } from '../alerts/alerts.service';
import { authDb } from '../auth/auth-tables';
import { validPayload } from '../ingest/testing/terminal-messages';
import { startRiskPlatform, type RiskPlatform } from '../risk/testing/risk-test-platform';
import { TerminalsRepository } from '../storage/repositories/terminals.repository';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { AlertNotificationsModule } from './alert-notifications.module';
import { DEFAULT_NOTIFICATION_OPTIONS, NOTIFICATION_OPTIONS } from './notification-options';
import { startSmtpTestServer, type SmtpTestServer } from './testing/smtp-test-server';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ALL = { kind: 'all' } as const;
type Message = [string, Channel, ChannelInputs[Channel]];

/**
 * From a terminal's telemetry to the people it concerns, through the real parts: MQTT into
 * the ingest, the risk engine, the alert rules, the routing, the outbox and a real SMTP server.
 */
describe('alert mail through the real ingest: MQTT → risk → alert → SMTP', () => {
  let test: TestDatabase;
  let platform: RiskPlatform;
  let smtp: SmtpTestServer;
  let clock = Date.now();

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    test = await createTestDatabase('embedded');
    platform = await startRiskPlatform({
      database: test.database,
      risk: { now: () => clock, sweepIntervalMs: 3_600_000 },
      env: { SMTP_URL: smtp.url, NOTIFY_FROM: 'Fleet Monitor <fleet@example.test>' },
      imports: [AlertsModule, AlertNotificationsModule],
      overrides: [
        {
          token: NOTIFICATION_OPTIONS,
          value: {
            ...DEFAULT_NOTIFICATION_OPTIONS,
            pollMs: 100,
            grouping: { groupWaitMs: 200, groupIntervalMs: 200 },
          },
        },
      ],
    });
    await platform.app
      .get(TerminalsRepository)
      .importTerminals([
        {
          terminalId: 'MAIL-SIM-1',
          merchantId: 'M-BJ',
          merchantName: 'Noodle Bar',
          region: 'Beijing',
          lat: 39.9,
          lon: 116.4,
        },
      ]);
    const users = authDb(test.database);
    const user = (username: string, role: string, locale: string, regions: string[] = []) =>
      users
        .insertInto('users')
        .values({ username, password_hash: 'x', role, regions, email: `${username}@example.test`, locale })
        .execute();
    await user('support-zh', 'support', 'zh-CN');
    await user('tech-beijing', 'technician', 'en', ['Beijing']);
    await user('tech-shanghai', 'technician', 'en', ['Shanghai']);
  });
  afterAll(async () => {
    await platform?.close();
    await test?.drop();
    await smtp?.close();
  });

  async function publish(messages: Message[]): Promise<void> {
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
  }
  const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text;
  const mailsTo = (address: string) => smtp.mails.filter((mail) => to(mail) === address);

  it('mails the support agent (in Chinese) and the technician of the region (in English) once, nobody else, and again when it resolves itself', async () => {
    const tid = 'MAIL-SIM-1';
    const now = clock;
    const burn: Message[] = Array.from({ length: 25 }, (_, i) => [
      tid,
      'sim',
      validPayload('sim', now - (24 - i) * 2 * HOUR, i, { dataBalanceMb: 160 - i * 5 }),
    ]);
    await publish([...burn, [tid, 'heartbeat', validPayload('heartbeat', now, 100)]]);
    const [alert] = (await platform.app.get(AlertsService).list(ALL, { limit: 10 })).items;
    expect(alert).toMatchObject({ terminalId: tid, code: 'SIM_DATA_EXHAUSTION', state: 'open' });

    await smtp.received(2);
    const [zh] = mailsTo('support-zh@example.test');
    const [en] = mailsTo('tech-beijing@example.test');
    expect(zh?.subject).toMatch(/新告警/);
    expect(zh?.text).toMatch(/MAIL-SIM-1/);
    expect(en?.subject).toMatch(/^\[Minor\] New: SIM data running out/);
    expect(en?.text).toMatch(/Top up the SIM remotely/);

    // Acknowledged by the agent: nobody is mailed for that.
    await platform.app.get(AlertsService).acknowledge(alert!.id, 'support-zh', 'calling the merchant', ALL);
    // The top-up, then the hold time: the alert resolves itself, and both are told.
    await publish([
      [tid, 'sim', validPayload('sim', now + MIN, 200, { dataBalanceMb: 2000 })],
      [tid, 'heartbeat', validPayload('heartbeat', now + MIN, 101)],
    ]);
    clock = now + 12 * MIN;
    await platform.app.get(AlertEngine).evaluate();
    await smtp.received(4);
    expect(mailsTo('support-zh@example.test').map((m) => m.subject)).toEqual([
      expect.stringMatching(/新告警/),
      expect.stringMatching(/已解决/),
    ]);
    expect(mailsTo('tech-beijing@example.test')[1]?.subject).toMatch(/Resolved/);
    // Give a stray third message time to show, then count: two each, none for Shanghai.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.mails).toHaveLength(4);
    expect(mailsTo('tech-shanghai@example.test')).toEqual([]);
  }, 60_000);
});
