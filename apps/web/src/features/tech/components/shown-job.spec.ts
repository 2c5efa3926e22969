import { describe, expect, it } from 'vitest';
import type { WorkOrderView } from '@fleet/telemetry/api/work-orders';
import { shownJob } from './shown-job';

const order = (id: string, assignee: string, state: WorkOrderView['state']) =>
  ({ id, assignee, state }) as WorkOrderView;

describe('shownJob', () => {
  it('shows the job from the open list while it is open', () => {
    const listed = [order('a', 'me', 'on_site')];
    expect(shownJob(listed, order('a', 'me', 'assigned'), 'a', 'me')).toBe(listed[0]);
  });

  it('keeps a job that left the open list on screen from its own fetch, with its confirmation', () => {
    const fixed = { ...order('a', 'me', 'resolved'), confirmation: 'confirmed' } as WorkOrderView;
    expect(shownJob([], fixed, 'a', 'me')).toBe(fixed);
  });

  it('shows nothing for another technician’s job, another id, or no id', () => {
    expect(shownJob([], order('a', 'other', 'resolved'), 'a', 'me')).toBeUndefined();
    expect(shownJob([], order('b', 'me', 'resolved'), 'a', 'me')).toBeUndefined();
    expect(shownJob([order('a', 'me', 'assigned')], undefined, undefined, 'me')).toBeUndefined();
  });
});
