import { describe, expect, it } from 'vitest';
import type { AlertRuleView } from '@fleet/telemetry/api/alert-rules';
import { ApiError } from '../../../lib/api-client';
import { draftFieldOf, draftOf, inputOf, ruleFormErrors } from './rule-draft';

const RULE: AlertRuleView = {
  id: 'r1',
  name: 'Carrier faults',
  enabled: false,
  position: 15,
  match: {
    codes: ['CARRIER_OUTAGE'],
    minSeverity: 'major',
    regions: ['Beijing', 'Hebei'],
    merchantIds: [],
    mccMncs: ['46000'],
  },
  targets: { roles: ['support'], userIds: [], webhookUrls: ['https://hooks.example.test/a'] },
  channels: ['email', 'webhook'],
  stopAfterMatch: true,
  builtIn: false,
  createdBy: 'admin',
  createdAt: '2026-12-06T00:00:00.000Z',
  updatedBy: 'admin',
  updatedAt: '2026-12-06T00:00:00.000Z',
};

describe('rule drafts', () => {
  it('turns a rule into a draft and back into the same rule', () => {
    const { name, enabled, position, match, targets, channels, stopAfterMatch } = RULE;
    expect(inputOf(draftOf(RULE))).toEqual({
      name,
      enabled,
      position,
      match,
      targets,
      channels,
      stopAfterMatch,
    });
  });

  it('reads lists split by commas (a Chinese one too) or spaces, and leaves an empty order to the server', () => {
    const input = inputOf({
      ...draftOf(),
      name: '  Night desk ',
      regions: 'Beijing，Hebei, ,Tianjin\nShanxi',
    });
    expect(input.name).toBe('Night desk');
    expect(input.match.regions).toEqual(['Beijing', 'Hebei', 'Tianjin', 'Shanxi']);
    expect(input).not.toHaveProperty('position');
    expect(input.channels).toEqual(['email', 'in_app']);
  });

  it('shows each API field at its input, and what no input holds as a general error', () => {
    expect(draftFieldOf('match.codes.2')).toBe('codes');
    expect(draftFieldOf('targets.webhookUrls')).toBe('webhookUrls');
    expect(draftFieldOf('targets')).toBe('roles');
    expect(draftFieldOf('channels')).toBe('channels');
    expect(draftFieldOf('(root)')).toBeUndefined();
    const error = new ApiError(400, 'invalid', 'VALIDATION', [
      { field: 'targets', message: 'give at least one role, user or webhook URL' },
      { field: 'colour', message: 'unknown field' },
    ]);
    expect(ruleFormErrors(error)).toEqual({
      byField: { roles: 'give at least one role, user or webhook URL' },
      general: 'colour: unknown field',
    });
    expect(ruleFormErrors(new ApiError(404, 'alert rule x not found'))).toEqual({
      byField: {},
      general: 'alert rule x not found',
    });
  });
});
