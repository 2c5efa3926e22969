import { describe, expect, it } from 'vitest';
import { WORK_ORDER_STATES, type WorkOrderState } from '@fleet/telemetry/api/work-orders';
import { canTransition, illegalTransition, nextStates, type TransitionActor } from './work-order-states';

const ACTORS: readonly TransitionActor[] = ['technician', 'support', 'system'];

/** The whole table, written out: `from → to: who`. Everything not listed is illegal for everyone. */
const EXPECTED = `
new → assigned: system support
new → cancelled: support
assigned → accepted: technician support
assigned → rejected: technician support
assigned → assigned: system support
assigned → cancelled: support
accepted → en_route: technician support
accepted → assigned: support
accepted → cancelled: support
rejected → assigned: system support
rejected → new: system
rejected → cancelled: support
en_route → on_site: technician support
en_route → assigned: support
en_route → cancelled: support
on_site → resolved: technician support
on_site → cannot_complete: technician support
on_site → cancelled: support
cannot_complete → assigned: support
cannot_complete → cancelled: support
`;

const legal = new Map<string, Set<string>>();
for (const line of EXPECTED.trim().split('\n')) {
  const [pair, who] = line.split(': ');
  legal.set(pair!, new Set(who!.split(' ')));
}

describe('work-order state machine', () => {
  const cases = WORK_ORDER_STATES.flatMap((from) =>
    WORK_ORDER_STATES.flatMap((to) => ACTORS.map((actor) => ({ from, to, actor }))),
  );

  it.each(cases)('$from → $to by $actor is legal exactly when the table says so', ({ from, to, actor }) => {
    const expected = legal.get(`${from} → ${to}`)?.has(actor) ?? false;
    expect(canTransition(from, to, actor)).toBe(expected);
    expect(illegalTransition(from, to, actor) === undefined).toBe(expected);
  });

  it('lets nothing leave resolved or cancelled, and says so', () => {
    for (const from of ['resolved', 'cancelled'] as WorkOrderState[]) {
      for (const actor of ACTORS) expect(nextStates(from, actor)).toEqual([]);
      expect(illegalTransition(from, 'accepted', 'support')).toBe(
        `a work order ${from} cannot change any more`,
      );
    }
  });

  it('names the states reachable instead when a step is skipped', () => {
    expect(illegalTransition('assigned', 'on_site', 'technician')).toBe(
      'a work order assigned cannot go to on_site; it can go to accepted, rejected',
    );
  });

  it('names who may make a step the caller may not', () => {
    expect(illegalTransition('assigned', 'cancelled', 'technician')).toBe(
      'a work order assigned can go to cancelled only by support',
    );
  });
});
