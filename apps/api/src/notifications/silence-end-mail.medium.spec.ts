import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertEngine } from '../alerts/alert-engine';
import { AlertsService } from '../alerts/alerts.service';
import { MutingService } from '../alerts/muting/muting.service';
import { validPayload } from '../ingest/testing/terminal-messages';
import { TerminalsRepository } from '../storage/repositories/terminals.repository';
import { startMailPlatform, type MailPlatform, type Message } from './testing/mail-platform';
import { WithheldNoticeRelease } from './withheld/withheld-notice-release';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ALL = { kind: 'all' } as const;
const SUPPORT = 'support-en@example.test';
const TERMINALS = ['SIL-1', 'SIL-2', 'SIL-3', 'SIL-4'];

/**
 * When a silence or a maintenance window ends, an alert it held that is still open is told
 * then, once (Alertmanager's behaviour); one acknowledged or resolved meanwhile is not. Through
 * the real parts: MQTT, the risk engine, the alert rules, the routing, the outbox and SMTP.
 */
describe('alerts held by a silence that ends: MQTT → risk → alert → SMTP once the silence is over', () => {
  let mail: MailPlatform;
  let clock = Date.now();
  const alertOf = async (tid: string) =>
    (await mail.platform.app.get(AlertsService).list(ALL, { limit: 50 })).items.find(
      (a) => a.terminalId === tid,
    );
  const subjects = () => mail.mailsTo(SUPPORT).map((m) => m.subject ?? '');
  /** Lets a message that should not exist show up before counting. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));
  const release = () => mail.platform.app.get(WithheldNoticeRelease).releaseEnded();
  const burn = (tid: string, now: number): Message[] => [
    ...Array.from({ length: 25 }, (_, i): Message => [
      tid,
      'sim',
      validPayload('sim', now - (24 - i) * 2 * HOUR, i, { dataBalanceMb: 160 - i * 5 }),
    ]),
    [tid, 'heartbeat', validPayload('heartbeat', now, 100)],
  ];

  beforeAll(async () => {
    mail = await startMailPlatform(() => clock);
    await mail.platform.app.get(TerminalsRepository).importTerminals(
      TERMINALS.map((terminalId, i) => ({
        terminalId,
        merchantId: `M-${terminalId}`,
        merchantName: `Shop ${terminalId}`,
        region: 'Hangzhou',
        lat: 30.27 + i / 100,
        lon: 120.15,
      })),
    );
    await mail.addUser('support-en', 'support', 'en');
  });
  afterAll(async () => {
    await mail?.close();
  });

  it('mails an alert opened under a silence once, when the silence is expired while it is still open', async () => {
    const muting = mail.platform.app.get(MutingService);
    const silence = await muting.createSilence('ops', {
      matchers: { terminalId: 'SIL-1' },
      endsAt: new Date(clock + HOUR).toISOString(),
      comment: 'SIM supplier migration',
    });
    await mail.publish(burn('SIL-1', clock));
    expect(await alertOf('SIL-1')).toMatchObject({ state: 'open', silenced: true, silenceId: silence.id });
    await settle();
    expect(await release()).toBe(0);
    expect(subjects()).toEqual([]);

    await muting.expireSilence('ops', silence.id);
    const [told] = await mail.smtp.received(1);
    expect(told?.subject).toBe('[Minor] New: SIM data running out · Terminal SIL-1');
    await settle();
    expect(await release()).toBe(0);
    expect(subjects()).toHaveLength(1);
  }, 60_000);

  it('mails the alert still open when a maintenance window runs out, and not those acknowledged or resolved meanwhile', async () => {
    const start = clock;
    const before = subjects().length;
    const muting = mail.platform.app.get(MutingService);
    await muting.createSilence('ops', {
      matchers: { terminalId: 'SIL-2' },
      endsAt: new Date(start + 30 * MIN).toISOString(),
      comment: 'firmware roll-out',
    });
    await muting.createSilence('ops', {
      matchers: { terminalId: 'SIL-3' },
      endsAt: new Date(start + 30 * MIN).toISOString(),
      comment: 'firmware roll-out',
    });
    await muting.createWindow('ops', {
      scope: { terminalId: 'SIL-4' },
      schedule: {
        kind: 'once',
        startsAt: new Date(start - MIN).toISOString(),
        endsAt: new Date(start + 30 * MIN).toISOString(),
      },
      comment: 'shop refit',
    });
    await mail.publish([...burn('SIL-2', start), ...burn('SIL-3', start), ...burn('SIL-4', start)]);
    for (const tid of ['SIL-2', 'SIL-3', 'SIL-4'])
      expect(await alertOf(tid)).toMatchObject({ state: 'open', silenced: true });

    // Under the silence: SIL-3 is taken by an agent, SIL-2's SIM is topped up and resolves itself.
    await mail.platform.app
      .get(AlertsService)
      .acknowledge((await alertOf('SIL-3'))!.id, 'agent', 'mine', ALL);
    await mail.publish([
      ['SIL-2', 'sim', validPayload('sim', start + MIN, 200, { dataBalanceMb: 2_000 })],
      ['SIL-2', 'heartbeat', validPayload('heartbeat', start + MIN, 101)],
    ]);
    clock = start + 12 * MIN;
    await mail.platform.app.get(AlertEngine).evaluate();
    expect(await alertOf('SIL-2')).toMatchObject({ state: 'resolved' });
    await settle();
    expect(subjects()).toHaveLength(before);

    // The silences and the window run out on the alerts' clock: only SIL-4 is told, once.
    clock = start + 31 * MIN;
    await mail.smtp.received(before + 1);
    expect(subjects().slice(before)).toEqual(['[Minor] New: SIM data running out · Terminal SIL-4']);
    await settle();
    expect(await release()).toBe(0);
    expect(subjects()).toHaveLength(before + 1);
  }, 60_000);
});
