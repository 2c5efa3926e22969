import { describe, expect, it } from 'vitest';
import { RecipientGrouper } from './recipient-grouper';

const timing = { groupWaitMs: 30_000, groupIntervalMs: 300_000 };

describe('RecipientGrouper', () => {
  it('holds a new group for the group wait, then gives all its items at once', () => {
    const grouper = new RecipientGrouper<string>(timing);
    for (let i = 0; i < 40; i += 1) grouper.add('support', `alert-${i}`, 1_000 + i * 500);
    expect(grouper.takeDue(30_999)).toEqual([]);
    const due = grouper.takeDue(31_000);
    expect(due).toHaveLength(1);
    expect(due[0]?.key).toBe('support');
    expect(due[0]?.items).toHaveLength(40);
    expect(grouper.pendingCount()).toBe(0);
  });

  it('keeps recipients apart', () => {
    const grouper = new RecipientGrouper<string>(timing);
    grouper.add('support', 'a', 0);
    grouper.add('technician', 'b', 10_000);
    expect(grouper.takeDue(30_000).map((g) => g.key)).toEqual(['support']);
    expect(grouper.takeDue(40_000).map((g) => [g.key, g.items])).toEqual([['technician', ['b']]]);
  });

  it('after a message, holds what follows until the group interval has passed', () => {
    const grouper = new RecipientGrouper<string>(timing);
    grouper.add('support', 'first', 0);
    grouper.takeDue(30_000);
    grouper.add('support', 'second', 40_000);
    grouper.add('support', 'third', 200_000);
    expect(grouper.takeDue(329_999)).toEqual([]);
    expect(grouper.takeDue(330_000)).toEqual([{ key: 'support', items: ['second', 'third'] }]);
  });

  it('waits only the group wait again once the interval is long past', () => {
    const grouper = new RecipientGrouper<string>(timing);
    grouper.add('support', 'first', 0);
    grouper.takeDue(30_000);
    grouper.add('support', 'much later', 1_000_000);
    expect(grouper.takeDue(1_029_999)).toEqual([]);
    expect(grouper.takeDue(1_030_000)).toEqual([{ key: 'support', items: ['much later'] }]);
  });
});
