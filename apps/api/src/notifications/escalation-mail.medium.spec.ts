import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertsService } from '../alerts/alerts.service';
import { validPayload } from '../ingest/testing/terminal-messages';
import { DATABASE, type Database } from '../storage/database';
import { TerminalsRepository } from '../storage/repositories/terminals.repository';
import {
  DEFAULT_ESCALATION_POLICY,
  ESCALATION_POLICY,
  type EscalationPolicy,
} from './escalation/escalation-policy';
import { startMailPlatform, type MailPlatform, type Message } from './testing/mail-platform';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ALL = { kind: 'all' } as const;
const TID = 'ESC-SIM-1';

/** Minor alerts get one reminder after 30 min and go to level 2 (support and admins) after 45. */
const POLICY: EscalationPolicy = {
  ...DEFAULT_ESCALATION_POLICY,
  bySeverity: {
    ...DEFAULT_ESCALATION_POLICY.bySeverity,
    minor: { reminderIntervalMs: 30 * MIN, maxReminders: 1, escalateAfterMs: [45 * MIN] },
  },
  evaluateEveryMs: 0,
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

/**
 * Reminders and escalation through the real parts: MQTT → risk → alert → the evaluator on
 * the worker's tick → the outbox → a real SMTP server, on the alerts' clock moved by hand.
 */
describe('reminders and escalation of an alert nobody acknowledged, by mail', () => {
  let mail: MailPlatform;
  let clock = Date.now();
  let now = clock;

  beforeAll(async () => {
    mail = await startMailPlatform(() => clock, [{ token: ESCALATION_POLICY, value: POLICY }]);
    await mail.platform.app.get(TerminalsRepository).importTerminals([
      {
        terminalId: TID,
        merchantId: 'M-BJ',
        merchantName: 'Noodle Bar',
        region: 'Beijing',
        lat: 39.9,
        lon: 116.4,
      },
    ]);
    await mail.addUser('support-en', 'support', 'en');
    await mail.addUser('tech-beijing', 'technician', 'en', ['Beijing']);
    await mail.addUser('admin-en', 'admin', 'en');
  });
  afterAll(async () => {
    await mail?.close();
  });

  const subjects = (user: string) => mail.mailsTo(`${user}@example.test`).map((m) => m.subject);

  it('reminds after the interval, once across restarts (also one that died before recording it), escalates to level 2, and after acknowledge nothing more arrives', async () => {
    now = clock;
    const burn: Message[] = Array.from({ length: 25 }, (_, i) => [
      TID,
      'sim',
      validPayload('sim', now - (24 - i) * 2 * HOUR, i, { dataBalanceMb: 160 - i * 5 }),
    ]);
    await mail.publish([...burn, [TID, 'heartbeat', validPayload('heartbeat', now, 100)]]);
    const [alert] = (await mail.platform.app.get(AlertsService).list(ALL, { limit: 10 })).items;
    expect(alert).toMatchObject({ terminalId: TID, severity: 'minor', state: 'open' });
    await mail.smtp.received(2);

    // Not yet: 29 minutes after it opened.
    clock = now + 29 * MIN;
    await settle();
    expect(mail.smtp.mails).toHaveLength(2);

    // The interval passed: a reminder to the same two people, not the admin.
    clock = now + 31 * MIN;
    await mail.smtp.received(4);
    expect(subjects('support-en')[1]).toMatch(
      /^\[Minor\] Reminder, still not acknowledged: SIM data running out/,
    );
    expect(subjects('tech-beijing')[1]).toMatch(/Reminder/);
    expect(subjects('admin-en')).toEqual([]);

    // A restart over the same database at the same time: the reminder is not sent again.
    await mail.restart();
    await settle();
    expect(mail.smtp.mails).toHaveLength(4);
    // A process that died after enqueueing the reminder, before recording it: the outbox's
    // key drops the second copy the next start enqueues.
    await sql`delete from alert_escalations`.execute(mail.platform.app.get<Database>(DATABASE).db);
    await mail.restart();
    await settle();
    expect(mail.smtp.mails).toHaveLength(4);

    // 45 minutes unacknowledged: level 2, every support user and admin.
    clock = now + 46 * MIN;
    await mail.smtp.received(6);
    expect(subjects('admin-en')).toEqual([expect.stringMatching(/^\[Minor\] Escalated, not acknowledged/)]);
    expect(subjects('support-en')[2]).toMatch(/Escalated/);
    expect(subjects('tech-beijing')).toHaveLength(2);
    const detail = await mail.platform.app.get(AlertsService).get(alert!.id, ALL);
    expect(detail.timeline.map((entry) => [entry.kind, entry.detail])).toEqual(
      expect.arrayContaining([
        ['reminded', { reminder: 1, recipients: 2 }],
        ['escalated', { level: 2, recipients: 2 }],
      ]),
    );

    await mail.platform.app.get(AlertsService).acknowledge(alert!.id, 'support-en', 'on it', ALL);
    clock = now + 5 * HOUR;
    await settle();
    expect(mail.smtp.mails).toHaveLength(6);
  }, 60_000);
});
