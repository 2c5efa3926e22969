import { describe, expect, it } from 'vitest';
import { WORK_ORDER_STATES } from '@fleet/telemetry/api/work-orders';
import { technicianSteps } from './technician-steps';

describe('technicianSteps', () => {
  it('offers one tap per step of the visit, and reasons where the server wants one', () => {
    expect(technicianSteps('assigned').map((s) => [s.to, s.reasons !== undefined])).toEqual([
      ['accepted', false],
      ['rejected', true],
    ]);
    expect(technicianSteps('accepted').map((s) => s.to)).toEqual(['en_route']);
    expect(technicianSteps('en_route').map((s) => s.to)).toEqual(['on_site']);
    expect(technicianSteps('on_site').map((s) => s.to)).toEqual(['resolved', 'cannot_complete']);
    expect(technicianSteps('on_site')[1]?.reasons).toContain('part_missing');
  });

  it('offers nothing once the job is out of the technician’s hands', () => {
    const idle = WORK_ORDER_STATES.filter(
      (s) => !['assigned', 'accepted', 'en_route', 'on_site'].includes(s),
    );
    for (const state of idle) expect(technicianSteps(state), state).toEqual([]);
  });
});
