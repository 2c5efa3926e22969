import { beforeEach, expect, it } from 'vitest';
import { describeOnEachDriver } from '../storage/testing/each-driver.medium';
import type { NotificationChannel } from './channels/notification-channel';
import { DEFAULT_NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options';
import { notificationsDb } from './notification-tables';
import { NotificationWorker } from './notification-worker';
import { OutboxRepository, type NewNotification } from './outbox.repository';
import { ManualClock } from './testing/manual-clock';
import { RecordingChannel } from './testing/recording-channel';

const T0 = Date.parse('2026-03-04T05:00:00Z');
const options: NotificationOptions = {
  ...DEFAULT_NOTIFICATION_OPTIONS,
  retry: { maxAttempts: 3, minDelayMs: 1_000, maxDelayMs: 60_000 },
  autoStart: false,
};

let keyCounter = 0;
function notification(overrides: Partial<NewNotification> = {}): NewNotification {
  keyCounter += 1;
  return {
    recipientUserId: null,
    channel: 'webhook',
    address: 'https://example.invalid/hook',
    idempotencyKey: `test-${Date.now()}-${keyCounter}`,
    subject: 'subject',
    bodyText: 'body',
    ...overrides,
  };
}

describeOnEachDriver('notification outbox on %s', (test) => {
  let outbox: OutboxRepository;
  let clock: ManualClock;

  beforeEach(async () => {
    // Each test starts from an empty outbox: the worker takes whatever is due.
    await notificationsDb(test().database).deleteFrom('notifications').execute();
    outbox = new OutboxRepository(test().database);
    clock = new ManualClock(T0);
  });

  const workerWith = (channel: RecordingChannel) => new NotificationWorker(outbox, [channel], clock, options);

  it('enqueues one notification per idempotency key', async () => {
    const n = notification();
    const first = await outbox.enqueue(n, new Date(T0));
    const second = await outbox.enqueue({ ...n, subject: 'changed' }, new Date(T0));
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect((await outbox.findById(first.id))?.subject).toBe('subject');
  });

  it('enqueues many at once, each idempotency key once, keeping what was there', async () => {
    const [a, b, c] = [notification(), notification(), notification()];
    expect(await outbox.enqueueMany([a, b, { ...a, subject: 'changed' }], new Date(T0))).toBe(2);
    expect(await outbox.enqueueMany([a, c], new Date(T0))).toBe(1);
    const rows = await notificationsDb(test().database).selectFrom('notifications').selectAll().execute();
    expect(rows.map((row) => row.idempotency_key).sort()).toEqual(
      [a.idempotencyKey, b.idempotencyKey, c.idempotencyKey].sort(),
    );
    expect((await outbox.findByKey(a.idempotencyKey))?.subject).toBe('subject');
  });

  it('does not hold a mail back behind a backlog of inbox notices due before it', async () => {
    const order: string[] = [];
    const channel = (kind: 'email' | 'in_app'): NotificationChannel => ({
      kind,
      async send(row) {
        order.push(row.channel);
        await new Promise((resolve) => setImmediate(resolve));
      },
    });
    const inbox = Array.from({ length: 3 * options.batchSize }, () =>
      notification({ channel: 'in_app', address: 'user', dueAt: new Date(T0 - 60_000) }),
    );
    await outbox.enqueueMany(inbox, new Date(T0 - 60_000));
    await outbox.enqueue(notification({ channel: 'email', address: 'a@example.test' }), new Date(T0));
    const worker = new NotificationWorker(outbox, [channel('in_app'), channel('email')], clock, options);
    expect(await worker.runOnce()).toEqual({ sent: inbox.length + 1, retried: 0, failed: 0 });
    // Claimed in its own lane: alongside the first inbox batch, not after all sixty rows.
    expect(order.indexOf('email')).toBeLessThanOrEqual(options.batchSize);
  });

  it('sends a due notification once and records the attempt', async () => {
    const channel = new RecordingChannel('webhook');
    const { id } = await outbox.enqueue(notification(), new Date(T0));
    const worker = workerWith(channel);
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(channel.sent.map((s) => s.id)).toEqual([id]);
    const row = await outbox.findById(id);
    expect(row).toMatchObject({ state: 'sent', attempts: 1, last_error: null });
    expect(row?.sent_at?.getTime()).toBe(T0);
    expect((await outbox.attemptsOf(id)).map((a) => a.outcome)).toEqual(['sent']);
  });

  it('does not send before the due time', async () => {
    const channel = new RecordingChannel('webhook');
    const { id } = await outbox.enqueue(notification({ dueAt: new Date(T0 + 5_000) }), new Date(T0));
    const worker = workerWith(channel);
    await worker.runOnce();
    expect(channel.sent).toEqual([]);
    clock.advance(5_000);
    await worker.runOnce();
    expect(channel.sent.map((s) => s.id)).toEqual([id]);
  });

  it('retries with exponential backoff, then sends', async () => {
    const channel = new RecordingChannel('webhook', { failFirst: 2 });
    const { id } = await outbox.enqueue(notification(), new Date(T0));
    const worker = workerWith(channel);
    expect((await worker.runOnce()).retried).toBe(1);
    expect((await outbox.findById(id))?.next_attempt_at.getTime()).toBe(T0 + 1_000);
    clock.advance(999);
    expect((await worker.runOnce()).retried).toBe(0);
    clock.advance(1);
    expect((await worker.runOnce()).retried).toBe(1);
    expect((await outbox.findById(id))?.next_attempt_at.getTime()).toBe(T0 + 1_000 + 2_000);
    clock.advance(2_000);
    expect((await worker.runOnce()).sent).toBe(1);
    const attempts = await outbox.attemptsOf(id);
    expect(attempts.map((a) => [a.outcome, a.error])).toEqual([
      ['retry', 'scripted failure'],
      ['retry', 'scripted failure'],
      ['sent', null],
    ]);
    expect(channel.sent).toHaveLength(1);
  });

  it('gives up after the last attempt allowed, keeping the reason', async () => {
    const channel = new RecordingChannel('webhook', { failFirst: 10 });
    const { id } = await outbox.enqueue(notification(), new Date(T0));
    const worker = workerWith(channel);
    for (let i = 0; i < 5; i += 1) {
      await worker.runOnce();
      clock.advance(60_000);
    }
    expect(await outbox.findById(id)).toMatchObject({
      state: 'failed',
      attempts: 3,
      last_error: 'scripted failure',
    });
    expect((await outbox.attemptsOf(id)).map((a) => a.outcome)).toEqual(['retry', 'retry', 'failed']);
  });

  it('fails at once on a permanent error, and when the channel is not configured', async () => {
    const permanent = await outbox.enqueue(notification(), new Date(T0));
    const unconfigured = await outbox.enqueue(
      notification({ channel: 'sms', address: '+8613800000000' }),
      new Date(T0),
    );
    await workerWith(new RecordingChannel('webhook', { failFirst: 1, permanent: true })).runOnce();
    expect(await outbox.findById(permanent.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await outbox.findById(unconfigured.id)).toMatchObject({
      state: 'failed',
      attempts: 1,
      last_error: 'channel sms is not configured',
    });
  });

  it('a claimed row is not claimed again until its lease lapses, then it is', async () => {
    const { id } = await outbox.enqueue(notification(), new Date(T0));
    const claimed = await outbox.claimDue(new Date(T0), 10, 60_000);
    expect(claimed.map((c) => c.id)).toContain(id);
    expect((await outbox.claimDue(new Date(T0 + 59_999), 10, 60_000)).map((c) => c.id)).not.toContain(id);
    const reclaimed = await outbox.claimDue(new Date(T0 + 60_000), 10, 60_000);
    expect(reclaimed.find((c) => c.id === id)?.attempts).toBe(2);
    // The first claim's late outcome no longer counts: the row belongs to the second.
    expect(
      await outbox.markSent(
        claimed.find((c) => c.id === id)!,
        new Date(T0 + 60_001),
      ),
    ).toBe(false);
    expect(
      await outbox.markSent(
        reclaimed.find((c) => c.id === id)!,
        new Date(T0 + 60_002),
      ),
    ).toBe(true);
  });

  it('sends many in one transaction with their write, only the rows still ours, each once', async () => {
    const rows = [1, 2, 3].map(() => notification({ channel: 'in_app', address: 'user' }));
    await outbox.enqueueMany(rows, new Date(T0));
    const claimed = await outbox.claimDue(new Date(T0), 10, 60_000, ['in_app']);
    expect(claimed).toHaveLength(3);
    // Its lease lapsed: another worker took the first row again.
    const [taken] = await outbox.claimDue(new Date(T0 + 60_000), 1, 60_000, ['in_app']);
    const written: string[][] = [];
    const ours = await outbox.sendWithin(claimed, new Date(T0 + 60_001), async (_trx, mine) => {
      written.push(mine.map((row) => row.id));
    });
    const others = claimed.filter((row) => row.id !== taken!.id).map((row) => row.id);
    expect(ours.map((row) => row.id).sort()).toEqual(others.sort());
    expect(written).toEqual([ours.map((row) => row.id)]);
    for (const id of others) expect((await outbox.findById(id))?.state).toBe('sent');
    expect((await outbox.findById(taken!.id))?.state).toBe('sending');
    // Told again (a late duplicate), nothing is ours any more.
    expect(await outbox.sendWithin(claimed, new Date(T0 + 60_002), async () => undefined)).toEqual([]);
    // A failing write rolls the marks back: the re-claimed row stays its claimer's.
    await expect(
      outbox.sendWithin([taken!], new Date(T0 + 60_003), async () => Promise.reject(new Error('disk full'))),
    ).rejects.toThrow('disk full');
    expect((await outbox.findById(taken!.id))?.state).toBe('sending');
  });
});
