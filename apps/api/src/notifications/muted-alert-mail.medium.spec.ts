import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertEngine } from '../alerts/alert-engine';
import { AlertsService } from '../alerts/alerts.service';
import { MutingService } from '../alerts/muting/muting.service';
import { CHINA_OFFSET_MS } from '../alerts/muting/china-time';
import { validPayload } from '../ingest/testing/terminal-messages';
import { TerminalsRepository } from '../storage/repositories/terminals.repository';
import { startMailPlatform, type MailPlatform, type Message } from './testing/mail-platform';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ALL = { kind: 'all' } as const;
const SUPPORT = 'support-en@example.test';

const place = (terminalId: string, region: string, lat: number, lon: number) => ({
  terminalId,
  merchantId: `M-${terminalId}`,
  merchantName: `Shop ${terminalId}`,
  region,
  lat,
  lon,
});
/** `at` as a local time of day in Asia/Shanghai, `HH:MM`. */
const chinaHhmm = (at: number) => new Date(at + CHINA_OFFSET_MS).toISOString().slice(11, 16);

/**
 * What holds notifications back, through the real parts: MQTT into the ingest, the risk
 * engine, the alert rules, the routing, the outbox and a real SMTP server.
 */
describe('muted alerts through the real ingest: MQTT → risk → alert → (no) SMTP', () => {
  let mail: MailPlatform;
  let clock = Date.now();
  const alerts = async () => (await mail.platform.app.get(AlertsService).list(ALL, { limit: 50 })).items;
  const mailedTerminals = () => mail.mailsTo(SUPPORT).map((m) => m.text ?? '');
  /** Lets a message that should not exist show up before counting. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));

  beforeAll(async () => {
    mail = await startMailPlatform(() => clock);
    await mail.platform.app
      .get(TerminalsRepository)
      .importTerminals([
        place('MW-BJ-1', 'Beijing', 39.9, 116.4),
        place('MW-SH-1', 'Shanghai', 31.23, 121.47),
        place('SHOP-SH-1', 'Shanghai', 31.2, 121.5),
        place('ALLDAY-SH-1', 'Shanghai', 31.21, 121.48),
      ]);
    await mail.addUser('support-en', 'support', 'en');
  });
  afterAll(async () => {
    await mail?.close();
  });

  it('lists an alert raised inside a region’s maintenance window without mailing it, and mails the one outside', async () => {
    const now = clock;
    const window = await mail.platform.app.get(MutingService).createWindow('ops', {
      scope: { region: 'Beijing' },
      schedule: {
        kind: 'once',
        startsAt: new Date(now - HOUR).toISOString(),
        endsAt: new Date(now + HOUR).toISOString(),
      },
      comment: 'Beijing host migration',
    });
    // Both terminals' SIM data runs out: an alert for each at once.
    const burn = (tid: string): Message[] => [
      ...Array.from({ length: 25 }, (_, i): Message => [
        tid,
        'sim',
        validPayload('sim', now - (24 - i) * 2 * HOUR, i, { dataBalanceMb: 160 - i * 5 }),
      ]),
      [tid, 'heartbeat', validPayload('heartbeat', now, 100)],
    ];
    await mail.publish([...burn('MW-BJ-1'), ...burn('MW-SH-1')]);

    const listed = await alerts();
    expect(listed.find((a) => a.terminalId === 'MW-BJ-1')).toMatchObject({
      code: 'SIM_DATA_EXHAUSTION',
      state: 'open',
      silenced: true,
      maintenanceWindowId: window.id,
    });
    expect(listed.find((a) => a.terminalId === 'MW-SH-1')).toMatchObject({ state: 'open' });
    expect(listed.find((a) => a.terminalId === 'MW-SH-1')?.silenced).toBeUndefined();

    await mail.smtp.received(1);
    await settle();
    // One message, for the Shanghai alert only (both would have been grouped into it).
    expect(mailedTerminals()).toHaveLength(1);
    expect(mailedTerminals()[0]).toMatch(/MW-SH-1/);
    expect(mailedTerminals()[0]).not.toMatch(/MW-BJ-1/);
  }, 60_000);

  it('does not alert OFFLINE for a shop closed for the night, and alerts it once the shop should have opened', async () => {
    const start = clock;
    const before = mail.smtp.mails.length;
    // The shop opens six minutes from now (China time) and closes twelve hours later.
    const opens = start + 6 * MIN;
    await mail.platform.app.get(TerminalsRepository).importTerminals([
      {
        ...place('SHOP-SH-1', 'Shanghai', 31.2, 121.5),
        shopHours: { open: chinaHhmm(opens), close: chinaHhmm(opens + 12 * HOUR) },
      },
    ]);
    // Both terminals lose their connection (Last Will); ALLDAY-SH-1 has no shop hours.
    const lost = (tid: string): Message[] => [
      [tid, 'heartbeat', validPayload('heartbeat', start - 12 * MIN, 1)],
      [tid, 'heartbeat', validPayload('heartbeat', start - 11 * MIN, 2)],
      [tid, 'status', validPayload('status', start - 10 * MIN, 3, { online: false, reason: 'lost' })],
    ];
    await mail.publish([...lost('SHOP-SH-1'), ...lost('ALLDAY-SH-1')]);
    // Silence and Last Wills are judged in the risk engine's sweep.
    await mail.platform.caughtUp();
    await mail.platform.risk.sweep();
    await mail.platform.risk.settled();
    const offline = async (tid: string) =>
      (await alerts()).find((a) => a.terminalId === tid && a.code === 'OFFLINE');

    // Past OFFLINE's raise time, the shop still closed: only the other terminal is alerted.
    for (const minutes of [1, 2, 3, 4]) {
      clock = start + minutes * MIN;
      await mail.platform.app.get(AlertEngine).evaluate();
    }
    expect(await offline('ALLDAY-SH-1')).toMatchObject({ state: 'open' });
    expect(await offline('SHOP-SH-1')).toBeUndefined();
    await mail.smtp.received(before + 1);
    expect(mailedTerminals().slice(-1)[0]).toMatch(/ALLDAY-SH-1/);

    // Opening time and still down: alerted at once, and mailed.
    for (const minutes of [5, 6, 7]) {
      clock = start + minutes * MIN;
      await mail.platform.app.get(AlertEngine).evaluate();
    }
    expect(await offline('SHOP-SH-1')).toMatchObject({ state: 'open' });
    await mail.smtp.received(before + 2);
    await settle();
    expect(mail.smtp.mails).toHaveLength(before + 2);
    expect(mailedTerminals().slice(-1)[0]).toMatch(/SHOP-SH-1/);
    expect(mailedTerminals().slice(-1)[0]).not.toMatch(/ALLDAY-SH-1/);
  }, 60_000);
});
