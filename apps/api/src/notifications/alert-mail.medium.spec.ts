import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertEngine } from '../alerts/alert-engine';
import { AlertsService } from '../alerts/alerts.service';
import { validPayload } from '../ingest/testing/terminal-messages';
import { TerminalsRepository } from '../storage/repositories/terminals.repository';
import { startMailPlatform, type MailPlatform, type Message } from './testing/mail-platform';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ALL = { kind: 'all' } as const;

/**
 * From a terminal's telemetry to the people it concerns, through the real parts: MQTT into
 * the ingest, the risk engine, the alert rules, the routing, the outbox and a real SMTP server.
 */
describe('alert mail through the real ingest: MQTT → risk → alert → SMTP', () => {
  let mail: MailPlatform;
  let clock = Date.now();

  beforeAll(async () => {
    mail = await startMailPlatform(() => clock);
    await mail.platform.app.get(TerminalsRepository).importTerminals([
      {
        terminalId: 'MAIL-SIM-1',
        merchantId: 'M-BJ',
        merchantName: 'Noodle Bar',
        region: 'Beijing',
        lat: 39.9,
        lon: 116.4,
      },
    ]);
    await mail.addUser('support-zh', 'support', 'zh-CN');
    await mail.addUser('tech-beijing', 'technician', 'en', ['Beijing']);
    await mail.addUser('tech-shanghai', 'technician', 'en', ['Shanghai']);
  });
  afterAll(async () => {
    await mail?.close();
  });

  const publish = (messages: Message[]) => mail.publish(messages);
  const mailsTo = (address: string) => mail.mailsTo(address);

  it('mails the support agent (in Chinese) and the technician of the region (in English) once, nobody else, and again when it resolves itself', async () => {
    const tid = 'MAIL-SIM-1';
    const now = clock;
    const burn: Message[] = Array.from({ length: 25 }, (_, i) => [
      tid,
      'sim',
      validPayload('sim', now - (24 - i) * 2 * HOUR, i, { dataBalanceMb: 160 - i * 5 }),
    ]);
    await publish([...burn, [tid, 'heartbeat', validPayload('heartbeat', now, 100)]]);
    const [alert] = (await mail.platform.app.get(AlertsService).list(ALL, { limit: 10 })).items;
    expect(alert).toMatchObject({ terminalId: tid, code: 'SIM_DATA_EXHAUSTION', state: 'open' });

    await mail.smtp.received(2);
    const [zh] = mailsTo('support-zh@example.test');
    const [en] = mailsTo('tech-beijing@example.test');
    expect(zh?.subject).toMatch(/新告警/);
    expect(zh?.text).toMatch(/MAIL-SIM-1/);
    expect(zh?.text).toMatch(/依据: 余额 \d+ MB，每天消耗 \d+ MB，约 \d+ (小时|天)后用完/);
    expect(en?.subject).toMatch(/^\[Minor\] New: SIM data running out/);
    expect(en?.text).toMatch(/Top up the SIM remotely/);
    expect(en?.text).toMatch(/Evidence: balance \d+ MB, burning \d+ MB\/day, reaches 0 in ~\d+ (h|days)/);

    // Acknowledged by the agent: nobody is mailed for that.
    await mail.platform.app
      .get(AlertsService)
      .acknowledge(alert!.id, 'support-zh', 'calling the merchant', ALL);
    // The top-up, then the hold time: the alert resolves itself, and both are told.
    await publish([
      [tid, 'sim', validPayload('sim', now + MIN, 200, { dataBalanceMb: 2000 })],
      [tid, 'heartbeat', validPayload('heartbeat', now + MIN, 101)],
    ]);
    clock = now + 12 * MIN;
    await mail.platform.app.get(AlertEngine).evaluate();
    await mail.smtp.received(4);
    expect(mailsTo('support-zh@example.test').map((m) => m.subject)).toEqual([
      expect.stringMatching(/新告警/),
      expect.stringMatching(/已解决/),
    ]);
    expect(mailsTo('tech-beijing@example.test')[1]?.subject).toMatch(/Resolved/);
    // Give a stray third message time to show, then count: two each, none for Shanghai.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mail.smtp.mails).toHaveLength(4);
    expect(mailsTo('tech-shanghai@example.test')).toEqual([]);
  }, 60_000);
});
