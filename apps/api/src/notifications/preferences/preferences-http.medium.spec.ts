import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '@fleet/telemetry/api/notifications';
import { makeAlert } from '../testing/alert-factory';
import { startInboxHttpApp, type InboxHttpApp } from '../testing/inbox-http-app';

const PATH = '/users/me/notification-preferences';
const fieldsOf = (body: { error: { fields?: Array<{ field: string }> } }) =>
  (body.error.fields ?? []).map((f) => f.field).sort();

/** Each user's channel choices over real HTTP, honoured by the notifier with a real SMTP server. */
describe('notification preferences over HTTP', () => {
  let app: InboxHttpApp;
  let quiet: { id: string; token: string };
  let loud: { id: string; token: string };

  beforeAll(async () => {
    app = await startInboxHttpApp();
    quiet = await app.addUser('prefs-quiet');
    loud = await app.addUser('prefs-loud');
  });
  afterAll(async () => {
    await app?.close();
  });

  const mailsTo = (address: string) =>
    app.smtp.mails.filter((mail) => mail.to && 'text' in mail.to && mail.to.text === address);
  const inboxOf = async (token: string) =>
    (await app.call('GET', '/notifications/inbox', token)).body.items as Array<{ alertId: string }>;

  it('starts with email and in_app on for every severity and sms off', async () => {
    const reply = await app.call('GET', PATH, quiet.token);
    expect(reply).toMatchObject({ status: 200, body: DEFAULT_NOTIFICATION_PREFERENCES });
  });

  it('answers 400 naming each wrong field, and keeps what was saved', async () => {
    const bad = await app.call('PUT', PATH, quiet.token, {
      ...DEFAULT_NOTIFICATION_PREFERENCES,
      sms: { enabled: 'yes', minSeverity: 'urgent' },
      push: { enabled: true, minSeverity: 'warning' },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['push', 'sms.enabled', 'sms.minSeverity']);
    const missing = await app.call('PUT', PATH, quiet.token, {
      email: DEFAULT_NOTIFICATION_PREFERENCES.email,
    });
    expect(fieldsOf(missing.body)).toEqual(['in_app', 'sms']);
    expect((await app.call('GET', PATH, quiet.token)).body).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
  });

  it('saves the caller’s own preferences only', async () => {
    const chosen = {
      email: { enabled: false, minSeverity: 'warning' },
      sms: { enabled: false, minSeverity: 'critical' },
      in_app: { enabled: true, minSeverity: 'warning' },
    };
    const put = await app.call('PUT', PATH, quiet.token, chosen);
    expect(put).toMatchObject({ status: 200, body: chosen });
    expect((await app.call('GET', PATH, quiet.token)).body).toEqual(chosen);
    expect((await app.call('GET', PATH, loud.token)).body).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
  });

  it('sends no mail to a user with email off, but puts the alert in their inbox; the other user gets both', async () => {
    const alert = makeAlert({ terminalId: 'T-PREFS-1', severity: 'minor' });
    await app.notifier.notify(
      [
        { kind: 'user', userId: quiet.id },
        { kind: 'user', userId: loud.id },
      ],
      alert,
    );
    await app.deliver();
    await app.smtp.received(1);
    expect(mailsTo('prefs-loud@example.test').map((m) => m.text)).toEqual([
      expect.stringMatching(/T-PREFS-1/),
    ]);
    expect(mailsTo('prefs-quiet@example.test')).toEqual([]);
    expect((await inboxOf(quiet.token)).map((item) => item.alertId)).toEqual([alert.id]);
    expect((await inboxOf(loud.token)).map((item) => item.alertId)).toEqual([alert.id]);
  });

  it('holds back alerts below a channel’s minimum severity, but keeps critical ones in a turned-off inbox', async () => {
    await app.call('PUT', PATH, loud.token, {
      email: { enabled: true, minSeverity: 'major' },
      sms: { enabled: false, minSeverity: 'warning' },
      in_app: { enabled: false, minSeverity: 'warning' },
    });
    const before = mailsTo('prefs-loud@example.test').length;
    const total = app.smtp.mails.length;
    const minor = makeAlert({ terminalId: 'T-PREFS-MINOR', severity: 'minor' });
    const critical = makeAlert({ terminalId: 'T-PREFS-CRIT', severity: 'critical' });
    app.clock.advance(60_000);
    await app.notifier.notify([{ kind: 'user', userId: loud.id }], minor);
    await app.notifier.notify([{ kind: 'user', userId: loud.id }], critical);
    await app.deliver();
    // The two notices are one group: one mail, listing only the critical alert.
    await app.smtp.received(total + 1);
    const latest = mailsTo('prefs-loud@example.test').slice(before);
    expect(latest).toHaveLength(1);
    expect(latest[0]?.text).toMatch(/T-PREFS-CRIT/);
    expect(latest[0]?.text).not.toMatch(/T-PREFS-MINOR/);
    const inbox = (await inboxOf(loud.token)).map((item) => item.alertId);
    expect(inbox).toContain(critical.id);
    expect(inbox).not.toContain(minor.id);
  });
});
