import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateAlertRuleInput, RuleMatch } from '@fleet/telemetry/api/alert-rules';
import type { CauseCode } from '@fleet/telemetry/causes';
import { AlertLifecycle } from '../../alerts/alert-lifecycle';
import { terminalSignal } from '../../alerts/testing/alert-signal-factory';
import { TerminalsRepository } from '../../storage/repositories/terminals.repository';
import { startMailPlatform, type MailPlatform } from '../testing/mail-platform';
import { AlertRulesService } from './alert-rules.service';

const ANY_ALERT: RuleMatch = { codes: [], minSeverity: 'warning', regions: [], merchantIds: [], mccMncs: [] };
const NOBODY = { roles: [], userIds: [], webhookUrls: [] };
const SUPPORT = 'rr-support@example.test';
const TECH_BJ = 'rr-tech-bj@example.test';
const TECH_SH = 'rr-tech-sh@example.test';
const AM_BJ = 'rr-am-bj@example.test';
const ADMIN = 'rr-admin@example.test';
const EVERYONE = [SUPPORT, TECH_BJ, TECH_SH, AM_BJ, ADMIN];

const terminal = (terminalId: string, region: string) => ({
  terminalId,
  merchantId: region === 'Beijing' ? 'M-RR-BJ' : 'M-RR-SH',
  merchantName: `Shop ${terminalId}`,
  region,
  lat: 31,
  lon: 121,
});

/**
 * Routing rules decide who is mailed, through the real parts: the alert lifecycle opens an
 * alert (database, event), the routing reads the rules, the outbox delivers to a real SMTP server.
 */
describe('routing rules through the real outbox and SMTP server', () => {
  let mail: MailPlatform;
  let adminId = '';
  const rules = () => mail.platform.app.get(AlertRulesService);
  /** Who got a mail naming this terminal, in address order. */
  const mailedFor = (terminalId: string) =>
    EVERYONE.filter((address) => mail.mailsTo(address).some((m) => m.text?.includes(terminalId)));
  /** Opens an alert for the terminal's cause, then waits for `mails` more mails in all. */
  const raise = async (terminalId: string, code: CauseCode, score: number, mails: number) => {
    const before = mail.smtp.mails.length;
    const [opened] = await mail.platform.app
      .get(AlertLifecycle)
      .openMany([{ id: randomUUID(), signal: terminalSignal(terminalId, code, { score }) }]);
    await mail.smtp.received(before + mails);
    // Give a message that should not exist time to show, then the caller counts.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return opened;
  };
  const rule = (
    input: Omit<CreateAlertRuleInput, 'match'> & { match?: Partial<CreateAlertRuleInput['match']> },
  ) => rules().create('rr-admin', { ...input, match: { ...ANY_ALERT, ...input.match } });

  beforeAll(async () => {
    mail = await startMailPlatform(() => Date.now());
    await mail.platform.app
      .get(TerminalsRepository)
      .importTerminals(
        ['RR-BJ-1', 'RR-BJ-2', 'RR-BJ-3', 'RR-BJ-4', 'RR-SH-1'].map((id) =>
          terminal(id, id.includes('BJ') ? 'Beijing' : 'Shanghai'),
        ),
      );
    await mail.addUser('rr-support', 'support', 'en');
    await mail.addUser('rr-tech-bj', 'technician', 'en', ['Beijing']);
    await mail.addUser('rr-tech-sh', 'technician', 'en', ['Shanghai']);
    await mail.addUser('rr-am-bj', 'account_manager', 'en', [], ['M-RR-BJ']);
    adminId = await mail.addUser('rr-admin', 'admin', 'en');
  }, 60_000);
  afterAll(async () => {
    await mail?.close();
  });

  it('ships rules that mail support, the region’s technician and the merchant’s account manager, and no admin', async () => {
    const shipped = (await rules().list()).items;
    expect(shipped.map((r) => [r.name, r.targets.roles, r.builtIn])).toEqual([
      ['Support: the whole fleet', ['support'], true],
      ['Technicians: their regions', ['technician'], true],
      ['Account managers: their merchants', ['account_manager'], true],
    ]);
    await raise('RR-BJ-1', 'COMM_MODULE_FAULT', 75, 3);
    expect(mailedFor('RR-BJ-1')).toEqual([SUPPORT, TECH_BJ, AM_BJ]);
  }, 60_000);

  it('sends COMM_MODULE_FAULT major and worse only to technicians (of the region) once a stop rule says so', async () => {
    await rule({
      name: 'Comm module faults, major+: technicians only',
      position: 0,
      match: { codes: ['COMM_MODULE_FAULT'], minSeverity: 'major' },
      targets: { ...NOBODY, roles: ['technician'] },
      channels: ['email', 'in_app'],
      stopAfterMatch: true,
    });
    const major = await raise('RR-BJ-2', 'COMM_MODULE_FAULT', 75, 1);
    expect(major?.severity).toBe('major');
    expect(mailedFor('RR-BJ-2')).toEqual([TECH_BJ]);
    // Below its floor the rule does not match: the shipped rules tell everyone concerned.
    const minor = await raise('RR-BJ-3', 'COMM_MODULE_FAULT', 50, 3);
    expect(minor?.severity).toBe('minor');
    expect(mailedFor('RR-BJ-3')).toEqual([SUPPORT, TECH_BJ, AM_BJ]);
  }, 60_000);

  it('mails nobody through a disabled rule, and the named user once it is enabled', async () => {
    const night = await rule({
      name: 'Paper: the admin too',
      enabled: false,
      match: { codes: ['PAPER_OUT'] },
      targets: { ...NOBODY, userIds: [adminId] },
      channels: ['email'],
    });
    await raise('RR-SH-1', 'PAPER_OUT', 30, 2);
    expect(mailedFor('RR-SH-1')).toEqual([SUPPORT, TECH_SH]);

    await rules().update('rr-admin', night.id, { enabled: true });
    await raise('RR-BJ-4', 'PAPER_OUT', 30, 4);
    expect(mailedFor('RR-BJ-4')).toEqual([SUPPORT, TECH_BJ, AM_BJ, ADMIN]);
  }, 60_000);
});
