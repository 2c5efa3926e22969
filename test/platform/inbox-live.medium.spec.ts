import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnreadCount } from '@fleet/telemetry/api/notifications';
import { loginToken } from '../../apps/api/src/auth/testing/http-client';
import { NotificationWorker } from '../../apps/api/src/notifications/notification-worker';
import { OutboxRepository } from '../../apps/api/src/notifications/outbox.repository';
import { bootPlatform, connectSocket, type TestPlatform } from './boot-platform';

/** The whole platform: an in_app notification through the outbox reaches its user's sockets only. */
describe('the inbox over the live socket', () => {
  let p: TestPlatform;
  const users: Record<'mei' | 'li', { id: string; token: string }> = {} as never;

  beforeAll(async () => {
    p = await bootPlatform();
    for (const name of ['mei', 'li'] as const) {
      const username = `inbox-${name}`;
      const created = await p.call('POST', '/users', {
        body: { username, password: 'inbox-live-pass-1', role: 'support', email: `${name}@example.test` },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      users[name] = { id: created.body.id, token: await loginToken(p.api, username, 'inbox-live-pass-1') };
    }
  });
  afterAll(async () => {
    await p?.stop();
  });

  const nextCount = (socket: Socket) =>
    new Promise<UnreadCount>((resolve) => socket.once('inbox.changed', resolve));

  it('pushes inbox.changed with the unread count to the recipient’s own sockets, and again after read-all', async () => {
    const mei = await connectSocket(p.platform.url, users.mei.token);
    const li = await connectSocket(p.platform.url, users.li.token);
    const seenByLi: UnreadCount[] = [];
    li.on('inbox.changed', (event: UnreadCount) => seenByLi.push(event));
    try {
      const delivered = nextCount(mei);
      await p.platform.app.get(OutboxRepository).enqueue(
        {
          recipientUserId: users.mei.id,
          channel: 'in_app',
          address: users.mei.id,
          idempotencyKey: `inbox-live:${users.mei.id}`,
          subject: '[Critical] New: carrier outage in Beijing',
          bodyText: 'Beijing: 30 terminals offline on 46000',
          payload: { alertId: 'alert-live-1' },
        },
        new Date(),
      );
      await p.platform.app.get(NotificationWorker).runOnce();
      expect(await delivered).toEqual({ unreadCount: 1 });
      const inbox = await p.call('GET', '/notifications/inbox', { token: users.mei.token });
      expect(inbox.body.items).toMatchObject([
        { alertId: 'alert-live-1', title: expect.stringMatching(/outage/) },
      ]);

      const cleared = nextCount(mei);
      const readAll = await p.call('POST', '/notifications/inbox/read-all', { token: users.mei.token });
      expect(readAll.body).toEqual({ unreadCount: 0 });
      expect(await cleared).toEqual({ unreadCount: 0 });
      // li's read-all changes nothing of theirs, so nothing is pushed at all.
      await p.call('POST', '/notifications/inbox/read-all', { token: users.li.token });
      expect(seenByLi).toEqual([]);
      expect((await p.call('GET', '/notifications/inbox', { token: users.li.token })).body.items).toEqual([]);
    } finally {
      mei.close();
      li.close();
    }
  });
});
