import { describe, expect, it } from 'vitest';
import { scopeAllows, scopeFor } from './scope';

describe('scope', () => {
  const place = { region: 'north', merchantId: 'M1' };

  it('lets admins and support see everything, unregistered terminals included', () => {
    for (const role of ['admin', 'support'] as const) {
      const scope = scopeFor({ role, regions: [], merchantIds: [] });
      expect(scopeAllows(scope, place)).toBe(true);
      expect(scopeAllows(scope, { region: null, merchantId: null })).toBe(true);
    }
  });

  it('limits technicians to their regions', () => {
    const scope = scopeFor({ role: 'technician', regions: ['north'], merchantIds: ['M2'] });
    expect(scope).toEqual({ kind: 'regions', regions: ['north'] });
    expect(scopeAllows(scope, place)).toBe(true);
    expect(scopeAllows(scope, { region: 'south', merchantId: 'M1' })).toBe(false);
    expect(scopeAllows(scope, { region: null })).toBe(false);
  });

  it('limits account managers to their merchants', () => {
    const scope = scopeFor({ role: 'account_manager', regions: [], merchantIds: ['M1'] });
    expect(scopeAllows(scope, place)).toBe(true);
    expect(scopeAllows(scope, { region: 'north', merchantId: 'M2' })).toBe(false);
    expect(scopeAllows(scope, {})).toBe(false);
  });
});
