import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailableOrSkip } from '../../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { GroupingRepository, type SealedGroup } from './grouping.repository';

const timing = { groupWaitMs: 30_000, groupIntervalMs: 300_000 };
const T0 = Date.parse('2026-03-04T05:00:00Z');
const at = (ms: number) => new Date(T0 + ms);
const postgresUp = await postgresAvailableOrSkip();

describe.each(['embedded', 'postgres'] as const)('GroupingRepository on %s', (kind) => {
  describe.skipIf(kind === 'postgres' && !postgresUp)('', () => {
    let test: TestDatabase;
    let repository: GroupingRepository;
    let n = 0;
    /** Each test its own recipient keys, so their groups do not meet. */
    const key = (name: string) => `user:${name}-${n}`;

    beforeAll(async () => {
      test = await createTestDatabase(kind);
      repository = new GroupingRepository(test.database);
    });
    afterAll(async () => {
      await test?.drop();
    });

    const add = (keys: string[], id: string, ms: number) =>
      repository.add(keys, { id, body: { id } }, at(ms), timing);
    /** Takes what is due at `ms`, lets it go as the notifier does, and says which items each group held. */
    async function flush(ms: number): Promise<Array<[string, unknown[]]>> {
      const due = await repository.takeDue(at(ms), timing);
      await repository.releaseMany(due);
      return due.map((group) => [group.key, group.items.map((item) => item.id)]);
    }

    it('holds a new group for the group wait, then gives all its items at once', async () => {
      n += 1;
      for (let i = 0; i < 40; i += 1) await add([key('support')], `alert-${i}`, 1_000 + i * 500);
      expect(await flush(30_999)).toEqual([]);
      const due = await flush(31_000);
      expect(due).toHaveLength(1);
      expect(due[0]?.[0]).toBe(key('support'));
      expect(due[0]?.[1]).toHaveLength(40);
      expect(await repository.pendingCount()).toBe(0);
    });

    it('keeps recipients apart, and lists a notice given twice once', async () => {
      n += 1;
      await add([key('support'), key('tech')], 'a', 0);
      await add([key('tech')], 'a', 5_000);
      await add([key('tech')], 'b', 10_000);
      expect(await flush(30_000)).toEqual([
        [key('support'), ['a']],
        [key('tech'), ['a', 'b']],
      ]);
    });

    it('after a message, holds what follows until the group interval has passed', async () => {
      n += 1;
      await add([key('support')], 'first', 0);
      await flush(30_000);
      await add([key('support')], 'second', 40_000);
      await add([key('support')], 'third', 200_000);
      expect(await flush(329_999)).toEqual([]);
      expect(await flush(330_000)).toEqual([[key('support'), ['second', 'third']]]);
    });

    it('waits only the group wait again once the interval is long past', async () => {
      n += 1;
      await add([key('support')], 'first', 0);
      await flush(30_000);
      await add([key('support')], 'much later', 1_000_000);
      expect(await flush(1_029_999)).toEqual([]);
      expect(await flush(1_030_000)).toEqual([[key('support'), ['much later']]]);
    });

    it('keeps a group sealed by a process that died before letting it go as it was, apart from later notices', async () => {
      n += 1;
      await add([key('support')], 'sealed', 0);
      const [sealed] = await repository.takeDue(at(30_000), timing);
      // The process dies here; after the restart a new notice arrives for the same person.
      const restarted = new GroupingRepository(test.database);
      await restarted.add([key('support')], { id: 'later', body: { id: 'later' } }, at(31_000), timing);
      const again = await restarted.takeDue(at(31_000), timing);
      expect(again.map(ids)).toEqual([ids(sealed!)]);
      await restarted.releaseMany(again);
      expect(await flush(330_000)).toEqual([[key('support'), ['later']]]);
    });
  });
});

function ids(group: SealedGroup): [string, unknown[]] {
  return [group.key, group.items.map((item) => item.id)];
}
