import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPATCH_OPTIONS } from './dispatch-options';
import {
  haversineKm,
  rankTechnicians,
  type TechnicianCandidate,
  type VisitNeeds,
} from './technician-assignment';

const OPTIONS = DEFAULT_DISPATCH_OPTIONS.assignment; // 8 orders at most, 10 km per order held
const SITE = { lat: 39.9, lon: 116.4 };
/** A point `km` kilometres north of the merchant. */
const north = (km: number) => ({ lat: SITE.lat + km / 111.195, lon: SITE.lon });

const tech = (username: string, over: Partial<TechnicianCandidate> = {}): TechnicianCandidate => ({
  id: `id-${username}`,
  username,
  regions: ['Beijing'],
  skills: null,
  homeBase: north(5),
  activeOrders: 0,
  ...over,
});
const needs: VisitNeeds = { kind: 'repair', region: 'Beijing', model: 'A920', comm: 'dialup', ...SITE };
const names = (techs: TechnicianCandidate[], visit = needs, excluded?: Set<string>) =>
  rankTechnicians(techs, visit, OPTIONS, excluded).map((r) => r.technician.username);

describe('technician assignment', () => {
  it('measures distance on the sphere', () => {
    expect(haversineKm(SITE, north(5))).toBeCloseTo(5, 3);
    // Beijing to Shanghai, about 1070 km.
    expect(haversineKm({ lat: 39.9, lon: 116.4 }, { lat: 31.23, lon: 121.47 })).toBeGreaterThan(1050);
  });

  it('takes only technicians whose regions hold the terminal, however near the others are', () => {
    const ranked = names([
      tech('far-bj', { homeBase: north(40) }),
      tech('near-sh', { regions: ['Shanghai'], homeBase: north(0.1) }),
    ]);
    expect(ranked).toEqual(['far-bj']);
    expect(names([tech('bj')], { ...needs, region: null })).toEqual([]);
  });

  it('takes only those who know the model and the link; an empty list means any; case does not matter', () => {
    const ranked = names([
      tech('wrong-model', { skills: { models: ['P2000'], comms: [] } }),
      tech('wrong-link', { skills: { models: ['a920'], comms: ['4g'] } }),
      tech('right', { skills: { models: ['a920'], comms: ['dialup'] } }),
      tech('generalist', { skills: { models: [], comms: [] }, homeBase: north(6) }),
    ]);
    expect(ranked).toEqual(['right', 'generalist']);
    expect(
      names([tech('listed', { skills: { models: ['A920'], comms: [] } })], { ...needs, model: null }),
    ).toEqual([]);
  });

  it('needs no skills for a paper delivery', () => {
    expect(
      names([tech('paper', { skills: { models: ['P2000'], comms: ['4g'] } })], {
        ...needs,
        kind: 'paper_delivery',
      }),
    ).toEqual(['paper']);
  });

  it('passes over anyone at the load cap, and those who rejected the order', () => {
    const techs = [tech('full', { activeOrders: 8 }), tech('almost', { activeOrders: 7 }), tech('refused')];
    expect(names(techs, needs, new Set(['id-refused']))).toEqual(['almost']);
  });

  it('weighs load against distance: each order held counts as 10 km more', () => {
    // 5 km with one order costs 15; 12 km with none costs 12.
    expect(
      names([tech('near-busy', { activeOrders: 1 }), tech('farther-free', { homeBase: north(12) })]),
    ).toEqual(['farther-free', 'near-busy']);
    // 5 km with one order costs 15; 16 km with none costs 16.
    expect(
      names([tech('near-busy', { activeOrders: 1 }), tech('far-free', { homeBase: north(16) })]),
    ).toEqual(['near-busy', 'far-free']);
  });

  it('breaks a tie in cost by the lighter load, then the nearer, then by username', () => {
    const noPenalty = { ...OPTIONS, loadPenaltyKm: 0 };
    const rank = (techs: TechnicianCandidate[]) =>
      rankTechnicians(techs, needs, noPenalty).map((r) => r.technician.username);
    // The same home base, so the same cost: the one holding fewer orders first.
    expect(rank([tech('busy', { activeOrders: 2 }), tech('free')])).toEqual(['free', 'busy']);
    // The same everything: by name, so the choice does not depend on the database's order.
    expect(rank([tech('zoe'), tech('adam')])).toEqual(['adam', 'zoe']);
  });

  it('ranks a technician without a home base behind those with one, but keeps them', () => {
    expect(
      names([tech('unknown', { homeBase: null }), tech('known', { homeBase: north(300), activeOrders: 5 })]),
    ).toEqual(['known', 'unknown']);
  });
});
