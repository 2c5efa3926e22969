import { sql, type RawBuilder } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertsResponse } from '@fleet/telemetry/api/alerts';
import {
  startSmtpTestServer,
  type SmtpTestServer,
} from '../../apps/api/src/notifications/testing/smtp-test-server';
import { postgresAvailableOrSkip } from '../../apps/api/src/storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../../apps/api/src/storage/testing/test-database';
import { apiAsAdmin, postAsAdmin } from './support/api';
import { startPlatform, type RunningPlatform } from './support/platform';
import { publishSimRunningOut, TerminalPublisher } from './support/publish';
import { e2eBlocker } from './support/require-tools';

/**
 * "Restart the platform while notifications are due: each is sent exactly once" (issue #12),
 * through the whole built platform on PostgreSQL: alerts raised over MQTT, their mails due
 * (a group still in its wait; a mail the SMTP server keeps refusing), the process killed
 * with SIGKILL and started again on the same database, and every mail arriving once.
 */
const blocked = e2eBlocker();
const postgresUp = await postgresAvailableOrSkip();
const GROUP_WAIT_S = 12;
const SUPPORT = 'support.restart@example.test';
const TECH = 'tech.restart@example.test';
const unsentMail = sql<{ n: string }>`select count(*) as n from notifications
  where channel = 'email' and state <> 'sent'`;

describe.skipIf(blocked || !postgresUp)('notifications across a kill -9 of the whole platform', () => {
  let smtp: SmtpTestServer;
  let test: TestDatabase;
  let platform: RunningPlatform;

  const mailsTo = (address: string): ParsedMail[] =>
    smtp.mails.filter((mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text === address);
  const count = async (query: RawBuilder<{ n: string }>) =>
    Number((await query.execute(test.database.db)).rows[0]?.n ?? 0);
  const openAlertsOf = async (terminals: string[]) =>
    (await apiAsAdmin<AlertsResponse>(platform, '/alerts?state=open')).items.filter((a) =>
      terminals.includes(a.terminalId ?? ''),
    );

  /** SIM data running out on each terminal, over MQTT. */
  async function runOutOfData(terminals: string[]): Promise<void> {
    const publisher = await TerminalPublisher.connect(platform.mqttUrl);
    for (const tid of terminals) await publishSimRunningOut(publisher, tid);
    await publisher.close();
  }

  /** Kills the platform with SIGKILL, then (`meanwhile` done) starts it again on the same database. */
  async function crashAndRestart(meanwhile = () => {}): Promise<void> {
    await platform.kill();
    meanwhile();
    await platform.startAgain();
  }

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    test = await createTestDatabase('postgres');
    platform = await startPlatform({
      fleetSize: 0,
      env: {
        DATABASE_URL: test.databaseUrl!,
        SMTP_URL: smtp.url,
        NOTIFY_FROM: 'Fleet Monitor <fleet@example.test>',
        NOTIFY_GROUP_WAIT_S: String(GROUP_WAIT_S),
        NOTIFY_GROUP_INTERVAL_S: String(GROUP_WAIT_S),
      },
    });
    const terminals = ['RST-1', 'RST-2', 'RST-3', 'RST-4'].map((terminalId, i) => ({
      terminalId,
      merchantId: `M-${terminalId}`,
      merchantName: `Shop ${terminalId}`,
      region: 'Beijing',
      lat: 39.9 + i / 100,
      lon: 116.4,
    }));
    await postAsAdmin(platform, '/terminals/import', terminals);
    await postAsAdmin(platform, '/users', {
      username: 'support.restart',
      password: 'support-restart-pw',
      role: 'support',
      email: SUPPORT,
      locale: 'en',
    });
    await postAsAdmin(platform, '/users', {
      username: 'tech.restart',
      password: 'tech-restart-pw',
      role: 'technician',
      regions: ['Beijing'],
      email: TECH,
      locale: 'zh-CN',
    });
  }, 420_000);

  afterAll(async () => {
    await platform?.stop();
    await test?.drop();
    await smtp?.close();
  }, 60_000);

  it('mails a group still in its wait when the platform is killed once, listing every alert, after it starts again', async () => {
    const terminals = ['RST-1', 'RST-2', 'RST-3'];
    await runOutOfData(terminals);
    await expect.poll(async () => (await openAlertsOf(terminals)).length, { timeout: 60_000 }).toBe(3);
    // Three notices for each of the two people, waiting out the group wait in the database.
    await expect
      .poll(
        () =>
          count(
            sql<{ n: string }>`select count(*) as n from notification_group_items where sealed_at is null`,
          ),
        {
          timeout: 30_000,
          interval: 100,
        },
      )
      .toBe(6);
    expect(smtp.mails).toEqual([]);
    await crashAndRestart();

    await expect.poll(() => mailsTo(SUPPORT).length, { timeout: 60_000 }).toBe(1);
    await expect.poll(() => mailsTo(TECH).length, { timeout: 30_000 }).toBe(1);
    const [support] = mailsTo(SUPPORT);
    expect(support?.subject).toBe('[Minor] 3 alerts: 3 new');
    for (const tid of terminals) expect(support?.text).toContain(`Terminal ${tid}`);
    expect(mailsTo(TECH)[0]?.subject).toBe('[次要] 3 条告警：3 条新告警');
    // Nothing waits any more, and a second group wait later still nothing more came.
    expect(await count(sql<{ n: string }>`select count(*) as n from notification_group_items`)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, (GROUP_WAIT_S + 2) * 1000));
    expect(smtp.mails).toHaveLength(2);
  }, 240_000);

  it('delivers mails the SMTP server refused before the kill once, after the restart, when it accepts again', async () => {
    const before = smtp.mails.length;
    smtp.refusing = true;
    await runOutOfData(['RST-4']);
    // Both mails were tried, refused (451) and are due again later.
    await expect
      .poll(
        () =>
          count(sql<{ n: string }>`select count(distinct notification_id) as n from notification_attempts a
            join notifications n on n.id = a.notification_id
            where a.outcome = 'retry' and n.channel = 'email' and n.state = 'pending'`),
        { timeout: 90_000, interval: 250 },
      )
      .toBe(2);
    // The mail server is back while the platform is down.
    await crashAndRestart(() => (smtp.refusing = false));

    await expect.poll(() => smtp.mails.length - before, { timeout: 90_000 }).toBe(2);
    expect(mailsTo(SUPPORT).at(-1)?.subject).toBe('[Minor] New: SIM data running out · Terminal RST-4');
    expect(mailsTo(TECH).at(-1)?.subject).toBe('[次要] 新告警: 流量卡流量将用完 · 终端 RST-4');
    // Each recorded as sent (just after the server accepted it).
    await expect.poll(() => count(unsentMail), { timeout: 10_000 }).toBe(0);
    // Past the next retry it would have had: still one each.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    expect(smtp.mails.length - before).toBe(2);
  }, 300_000);
});
