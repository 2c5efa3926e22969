import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertEngine } from '../alerts/alert-engine';
import { AlertsService } from '../alerts/alerts.service';
import { carrierOutageMessages } from '../risk/testing/carrier-outage-messages';
import { TerminalsRepository } from '../storage/repositories/terminals.repository';
import { startMailPlatform, type MailPlatform } from './testing/mail-platform';

const MIN = 60_000;
const ALL = { kind: 'all' } as const;
/** Thirty terminals of one carrier in one city. */
const OUTAGE = Array.from({ length: 30 }, (_, i) => `MAIL-OUT-${i}`);

/**
 * A carrier outage through the real parts (MQTT → risk → alert → real SMTP): the people
 * told get one message about the incident, never one per terminal.
 */
describe('outage mail through the real ingest', () => {
  let mail: MailPlatform;
  // Played 30 minutes in the past, so the clock can move on without dating anything in the future.
  const base = Date.now() - 30 * MIN;
  let clock = base;

  beforeAll(async () => {
    mail = await startMailPlatform(() => clock);
    await mail.platform.app.get(TerminalsRepository).importTerminals(
      OUTAGE.map((terminalId, i) => ({
        terminalId,
        merchantId: `M-OUT-${i}`,
        merchantName: `Shop ${i}`,
        region: 'Beijing',
        lat: 39.9,
        lon: 116.4,
      })),
    );
    await mail.addUser('support-zh', 'support', 'zh-CN');
    await mail.addUser('support-en', 'support', 'en');
    await mail.addUser('tech-beijing', 'technician', 'en', ['Beijing']);
  });
  afterAll(async () => {
    await mail?.close();
  });

  it('tells each support agent and the region’s technician of a 30-terminal carrier outage once, about the incident, and nobody per terminal', async () => {
    await mail.publish(carrierOutageMessages(OUTAGE, base));
    await mail.platform.caughtUp();
    await mail.platform.risk.sweep();
    await mail.platform.risk.settled();
    // Past every member cause's raise time: still only the incident's alert.
    clock = base + 5 * MIN;
    await mail.platform.app.get(AlertEngine).evaluate();
    const open = (await mail.platform.app.get(AlertsService).list(ALL, { limit: 100 })).items;
    expect(open.map((a) => [a.code, a.state, a.terminalId])).toEqual([['CARRIER_OUTAGE', 'open', undefined]]);

    await mail.smtp.received(3);
    // Many group intervals later: a message per terminal would have gone out by now.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(mail.mailsTo('support-zh@example.test')).toHaveLength(1);
    const [en] = mail.mailsTo('support-en@example.test');
    expect(en?.subject).toMatch(/New: Carrier outage/);
    expect(en?.text).toMatch(/30 terminals failing together \(carrier 46099, region Beijing\)/);
    // The outage is confined to Beijing: its technician hears of it once, too.
    expect(mail.mailsTo('tech-beijing@example.test').map((m) => m.subject)).toEqual([
      expect.stringMatching(/New: Carrier outage/),
    ]);
    expect(mail.smtp.mails).toHaveLength(3);
    for (const message of mail.smtp.mails) expect(message.text).not.toMatch(/MAIL-OUT-\d+/);
  }, 60_000);
});
