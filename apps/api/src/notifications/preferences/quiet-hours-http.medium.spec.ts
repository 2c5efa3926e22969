import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAlert } from '../testing/alert-factory';
import { startInboxHttpApp, type InboxHttpApp } from '../testing/inbox-http-app';

const PATH = '/users/me/quiet-hours';
const fieldsOf = (body: { error: { fields?: Array<{ field: string }> } }) =>
  (body.error.fields ?? []).map((f) => f.field).sort();
/** The app's clock starts at 2026-03-04 13:00 in Asia/Shanghai: inside a lunchtime quiet spell. */
const LUNCH = { start: '12:00', end: '14:00' };

/** Each user's own quiet hours over real HTTP, honoured by the notifier with a real SMTP server. */
describe('a user’s own quiet hours over HTTP', () => {
  let app: InboxHttpApp;
  let strict: { id: string; token: string };
  let relaxed: { id: string; token: string };

  beforeAll(async () => {
    app = await startInboxHttpApp();
    strict = await app.addUser('quiet-strict');
    relaxed = await app.addUser('quiet-relaxed');
  });
  afterAll(async () => {
    await app?.close();
  });

  const mailsTo = (address: string) =>
    app.smtp.mails.filter((mail) => mail.to && 'text' in mail.to && mail.to.text === address);

  it('starts with none, saves the caller’s own with the override spelled out, and clears them with null', async () => {
    expect(await app.call('GET', PATH, strict.token)).toMatchObject({
      status: 200,
      body: { quietHours: null },
    });
    const saved = await app.call('PUT', PATH, relaxed.token, {
      quietHours: { start: '22:00', end: '07:00' },
    });
    expect(saved).toMatchObject({
      status: 200,
      body: { quietHours: { start: '22:00', end: '07:00', criticalOverride: true } },
    });
    expect((await app.call('GET', PATH, relaxed.token)).body).toEqual(saved.body);
    expect((await app.call('GET', PATH, strict.token)).body).toEqual({ quietHours: null });
    expect((await app.call('PUT', PATH, relaxed.token, { quietHours: null })).body).toEqual({
      quietHours: null,
    });
    expect((await app.call('GET', PATH, relaxed.token)).body).toEqual({ quietHours: null });
  });

  it('answers 400 naming each wrong field, and keeps what was saved', async () => {
    await app.call('PUT', PATH, strict.token, { quietHours: { ...LUNCH, criticalOverride: false } });
    const cases: Array<[unknown, string[]]> = [
      [{ quietHours: { start: '25:00', end: '07:00' } }, ['quietHours.start']],
      [{ quietHours: { start: '22:00', end: '22:00' } }, ['quietHours.end']],
      [{ quietHours: { ...LUNCH, criticalOverride: 'yes' } }, ['quietHours.criticalOverride']],
      [{ quietHours: { ...LUNCH, timezone: 'UTC' } }, ['quietHours.timezone']],
      [{}, ['quietHours']],
    ];
    for (const [body, fields] of cases) {
      const reply = await app.call('PUT', PATH, strict.token, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(reply.body), JSON.stringify(body)).toEqual(fields);
    }
    expect((await app.call('GET', PATH, strict.token)).body).toEqual({
      quietHours: { ...LUNCH, criticalOverride: false },
    });
  });

  it('holds even a critical mail for a user who turned the override off, until the quiet hours end', async () => {
    await app.call('PUT', PATH, relaxed.token, { quietHours: { ...LUNCH, criticalOverride: true } });
    const alert = makeAlert({ terminalId: 'T-QUIET-CRIT', severity: 'critical' });
    await app.notifier.notify(
      [
        { kind: 'user', userId: strict.id },
        { kind: 'user', userId: relaxed.id },
      ],
      alert,
    );
    await app.deliver();
    await app.smtp.received(1);
    expect(mailsTo('quiet-relaxed@example.test').map((m) => m.text)).toEqual([
      expect.stringMatching(/T-QUIET-CRIT/),
    ]);
    expect(mailsTo('quiet-strict@example.test')).toEqual([]);
    // 14:00 local: the quiet hours are over and the held mail goes out.
    app.clock.advance(Date.parse('2026-03-04T14:00:00+08:00') - app.clock.now());
    await app.worker.runOnce();
    await app.smtp.received(2);
    expect(mailsTo('quiet-strict@example.test').map((m) => m.text)).toEqual([
      expect.stringMatching(/T-QUIET-CRIT/),
    ]);
  });
});
