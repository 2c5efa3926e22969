import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertRecipient } from '../alert-notifier';
import { makeAlert } from '../testing/alert-factory';
import { startInboxHttpApp, type InboxHttpApp } from '../testing/inbox-http-app';

const user = (userId: string): AlertRecipient => ({ kind: 'user', userId });

/** The inbox over real HTTP: items come through the outbox's in_app channel on a real database. */
describe('the in-app inbox over HTTP', () => {
  let app: InboxHttpApp;
  let ann: { id: string; token: string };
  let bob: { id: string; token: string };

  beforeAll(async () => {
    app = await startInboxHttpApp();
    ann = await app.addUser('inbox-ann');
    bob = await app.addUser('inbox-bob');
  });
  afterAll(async () => {
    await app?.close();
  });

  const inbox = (token: string, query = '') => app.call('GET', `/notifications/inbox${query}`, token);
  const unread = async (token: string) =>
    (await app.call('GET', '/notifications/inbox/unread-count', token)).body.unreadCount as number;

  it('gives each user their own items only, newest first, with the alert id, title and body', async () => {
    const first = makeAlert({ terminalId: 'T-INBOX-1' });
    const second = makeAlert({ terminalId: 'T-INBOX-2', severity: 'major' });
    await app.notifier.notify([user(ann.id), user(bob.id)], first);
    await app.deliver();
    app.clock.advance(60_000);
    await app.notifier.notify([user(ann.id)], second);
    await app.deliver();

    const annItems = (await inbox(ann.token)).body.items;
    expect(annItems.map((item: { alertId: string }) => item.alertId)).toEqual([second.id, first.id]);
    expect(annItems[0]).toMatchObject({ readAt: null, title: expect.stringMatching(/T-INBOX-2|SIM/) });
    expect(annItems[0].body).toMatch(/T-INBOX-2/);
    const bobItems = (await inbox(bob.token)).body.items;
    expect(bobItems.map((item: { alertId: string }) => item.alertId)).toEqual([first.id]);
    expect(await unread(ann.token)).toBe(2);
    expect(await unread(bob.token)).toBe(1);
  });

  it('marks only the caller’s own items read: ids of another user’s items change nothing', async () => {
    const [bobItem] = (await inbox(bob.token)).body.items;
    const [annNewest] = (await inbox(ann.token)).body.items;

    const byAnn = await app.call('POST', '/notifications/inbox/read', ann.token, { ids: [bobItem.id] });
    expect(byAnn).toMatchObject({ status: 200, body: { unreadCount: 2 } });
    expect(await unread(bob.token)).toBe(1);

    const own = await app.call('POST', '/notifications/inbox/read', ann.token, { ids: [annNewest.id] });
    expect(own.body).toEqual({ unreadCount: 1 });
    const unreadItems = (await inbox(ann.token, '?unread=true')).body.items;
    expect(unreadItems).toHaveLength(1);
    expect(unreadItems[0].id).not.toBe(annNewest.id);
    expect((await inbox(ann.token)).body.items).toHaveLength(2);
  });

  it('marks every item read with read-all, the other user’s untouched', async () => {
    const reply = await app.call('POST', '/notifications/inbox/read-all', ann.token);
    expect(reply).toMatchObject({ status: 200, body: { unreadCount: 0 } });
    expect((await inbox(ann.token, '?unread=true')).body.items).toEqual([]);
    expect(await unread(bob.token)).toBe(1);
  });

  it('answers 400 naming the field for bad ids and a bad unread filter', async () => {
    const notUuid = await app.call('POST', '/notifications/inbox/read', ann.token, { ids: ['nope'] });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['ids.0']);
    const empty = await app.call('POST', '/notifications/inbox/read', ann.token, {});
    expect(empty.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['ids']);
    const filter = await inbox(ann.token, '?unread=yes');
    expect(filter.status).toBe(400);
    expect(filter.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['unread']);
  });

  it('refuses a caller without a token', async () => {
    expect((await app.call('GET', '/notifications/inbox/unread-count', '')).status).toBe(401);
  });
});
