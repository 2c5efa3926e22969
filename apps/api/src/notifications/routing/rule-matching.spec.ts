import { describe, expect, it } from 'vitest';
import type { RuleMatch } from '@fleet/telemetry/api/alert-rules';
import {
  matchingRules,
  recipientsOf,
  ruleMatches,
  withinScope,
  type RoutableUser,
  type RoutedAlert,
  type RoutingRule,
} from './rule-matching';

const ANY: RuleMatch = { codes: [], minSeverity: 'warning', regions: [], merchantIds: [], mccMncs: [] };
const terminalAlert: RoutedAlert = {
  code: 'COMM_MODULE_FAULT',
  severity: 'major',
  terminalId: 'T-1',
  region: 'Beijing',
  merchantId: 'M-1',
  mccMnc: '46000',
};
const incidentAlert: RoutedAlert = {
  code: 'CARRIER_OUTAGE',
  severity: 'critical',
  region: 'Beijing',
  mccMnc: '46001',
};

let counter = 0;
function rule(overrides: Partial<RoutingRule> = {}): RoutingRule {
  counter += 1;
  return {
    id: `rule-${counter}`,
    name: `rule ${counter}`,
    match: ANY,
    targets: { roles: ['support'], userIds: [], webhookUrls: [] },
    channels: ['email', 'sms', 'in_app'],
    stopAfterMatch: false,
    ...overrides,
  };
}
const user = (id: string, role: RoutableUser['role'], scope: Partial<RoutableUser> = {}): RoutableUser => ({
  id,
  role,
  regions: [],
  merchantIds: [],
  ...scope,
});

describe('ruleMatches', () => {
  it('matches any alert when every list is empty and the floor is warning', () => {
    expect(ruleMatches(ANY, terminalAlert)).toBe(true);
    expect(ruleMatches(ANY, incidentAlert)).toBe(true);
    expect(ruleMatches(ANY, { code: 'PAPER_OUT', severity: 'warning' })).toBe(true);
  });

  it('takes the minimum severity itself and anything more severe, nothing less', () => {
    const majorUp = { ...ANY, minSeverity: 'major' } as const;
    expect(ruleMatches(majorUp, { ...terminalAlert, severity: 'major' })).toBe(true);
    expect(ruleMatches(majorUp, { ...terminalAlert, severity: 'critical' })).toBe(true);
    expect(ruleMatches(majorUp, { ...terminalAlert, severity: 'minor' })).toBe(false);
    expect(ruleMatches({ ...ANY, minSeverity: 'critical' }, { ...terminalAlert, severity: 'major' })).toBe(
      false,
    );
  });

  it('matches a cause list only on the causes it names', () => {
    const comm = { ...ANY, codes: ['COMM_MODULE_FAULT', 'LINE_FAULT'] } as RuleMatch;
    expect(ruleMatches(comm, terminalAlert)).toBe(true);
    expect(ruleMatches(comm, { ...terminalAlert, code: 'SIM_EXPIRY' })).toBe(false);
  });

  it('needs every scope filter given to hold, and an alert without the field fails that filter', () => {
    expect(ruleMatches({ ...ANY, regions: ['Shanghai', 'Beijing'] }, terminalAlert)).toBe(true);
    expect(ruleMatches({ ...ANY, regions: ['Shanghai'] }, terminalAlert)).toBe(false);
    expect(ruleMatches({ ...ANY, merchantIds: ['M-1'] }, terminalAlert)).toBe(true);
    // An incident is no merchant's: a merchant filter never matches it.
    expect(ruleMatches({ ...ANY, merchantIds: ['M-1'] }, incidentAlert)).toBe(false);
    expect(ruleMatches({ ...ANY, mccMncs: ['46001'] }, incidentAlert)).toBe(true);
    expect(ruleMatches({ ...ANY, mccMncs: ['46001'] }, terminalAlert)).toBe(false);
    expect(ruleMatches({ ...ANY, mccMncs: ['46000'] }, { ...terminalAlert, mccMnc: undefined })).toBe(false);
    expect(ruleMatches({ ...ANY, regions: ['Beijing'], merchantIds: ['M-2'] }, terminalAlert)).toBe(false);
  });
});

describe('matchingRules', () => {
  it('keeps every matching rule in order and skips the others', () => {
    const a = rule();
    const b = rule({ match: { ...ANY, codes: ['PAPER_OUT'] } });
    const c = rule();
    expect(matchingRules([a, b, c], terminalAlert).map((r) => r.id)).toEqual([a.id, c.id]);
  });

  it('stops after a matching stop rule, but not after a stop rule that did not match', () => {
    const skipped = rule({ stopAfterMatch: true, match: { ...ANY, regions: ['Shanghai'] } });
    const stop = rule({ stopAfterMatch: true });
    const after = rule();
    expect(matchingRules([skipped, stop, after], terminalAlert).map((r) => r.id)).toEqual([stop.id]);
  });
});

describe('withinScope', () => {
  it('lets support and admins see the whole fleet', () => {
    expect(withinScope(user('s', 'support'), incidentAlert)).toBe(true);
    expect(withinScope(user('a', 'admin'), terminalAlert)).toBe(true);
  });

  it('limits a technician to its regions and an account manager to its merchants’ terminals', () => {
    expect(withinScope(user('t', 'technician', { regions: ['Beijing'] }), terminalAlert)).toBe(true);
    expect(withinScope(user('t', 'technician', { regions: ['Beijing'] }), incidentAlert)).toBe(true);
    expect(withinScope(user('t', 'technician', { regions: ['Shanghai'] }), terminalAlert)).toBe(false);
    expect(
      withinScope(user('t', 'technician'), { code: 'OFFLINE', severity: 'major', terminalId: 'T-2' }),
    ).toBe(false);
    expect(withinScope(user('m', 'account_manager', { merchantIds: ['M-1'] }), terminalAlert)).toBe(true);
    expect(withinScope(user('m', 'account_manager', { merchantIds: ['M-2'] }), terminalAlert)).toBe(false);
    expect(withinScope(user('m', 'account_manager', { merchantIds: ['M-1'] }), incidentAlert)).toBe(false);
  });
});

describe('recipientsOf', () => {
  const support = user('support-1', 'support');
  const techBeijing = user('tech-bj', 'technician', { regions: ['Beijing'] });
  const techShanghai = user('tech-sh', 'technician', { regions: ['Shanghai'] });

  it('tells each user a rule names by role or id, within their scope, on the union of those rules’ channels', () => {
    const byRole = rule({
      targets: { roles: ['technician'], userIds: [], webhookUrls: [] },
      channels: ['email'],
    });
    const byId = rule({
      targets: { roles: [], userIds: ['tech-bj', 'tech-sh'], webhookUrls: [] },
      channels: ['sms'],
    });
    expect(recipientsOf([byRole, byId], [support, techBeijing, techShanghai], terminalAlert)).toEqual([
      { kind: 'user', userId: 'tech-bj', channels: ['email', 'sms'] },
    ]);
  });

  it('tells nobody a user whose only rule reaches webhooks, and each webhook URL once', () => {
    const hook = rule({
      targets: { roles: ['support'], userIds: [], webhookUrls: ['https://hooks.example.test/a'] },
      channels: ['webhook'],
    });
    const again = rule({
      targets: { roles: [], userIds: [], webhookUrls: ['https://hooks.example.test/a'] },
      channels: ['webhook'],
    });
    const noHookChannel = rule({
      targets: { roles: [], userIds: [], webhookUrls: ['https://hooks.example.test/b'] },
      channels: ['email'],
    });
    expect(recipientsOf([hook, again, noHookChannel], [support], terminalAlert)).toEqual([
      { kind: 'webhook', url: 'https://hooks.example.test/a' },
    ]);
  });

  it('gives nothing when no rule matched', () => {
    expect(recipientsOf([], [support, techBeijing], terminalAlert)).toEqual([]);
  });
});
