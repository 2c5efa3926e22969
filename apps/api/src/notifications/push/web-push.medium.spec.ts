import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushMessage } from '@fleet/telemetry/api/push';
import { authDb } from '../../auth/auth-tables';
import { createAuthTestApp, type AuthTestApp } from '../../auth/testing/auth-test-app';
import { callJson, loginToken } from '../../auth/testing/http-client';
import { postgresAvailableOrSkip } from '../../storage/testing/require-postgres';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import {
  DEFAULT_NOTIFICATION_OPTIONS,
  NOTIFICATION_CLOCK,
  NOTIFICATION_OPTIONS,
} from '../notification-options';
import { NotificationsApiModule } from '../notifications-api.module';
import { NotificationWorker } from '../notification-worker';
import { OutboxRepository } from '../outbox.repository';
import { ManualClock } from '../testing/manual-clock';
import { startPushTestService, type PushTestService } from '../testing/push-test-service';
import { startSmsTestGateway, type SmsTestGateway } from '../testing/sms-test-gateway';
import {
  createTestSubscriber,
  decryptAes128gcm,
  verifyVapidAuthorization,
} from '../testing/web-push-decrypt';
import { PushNotifier } from './push-notifier';
import { PushSubscriptionsRepository } from './push-subscriptions.repository';
import { loadVapidKeys } from './vapid-keys';

const ADMIN = { username: 'push-admin', password: 'push-admin-pass' };
const SUBJECT = 'mailto:dispatch@example.test';
const message: PushMessage = {
  title: 'New job: T-BJ-0001 comm module fault',
  body: 'Lucky Noodles, 1 Chaoyang Rd · due 14:00',
  url: '/#/tech/jobs/wo-1',
  tag: 'work-order:wo-1',
  workOrderId: 'wo-1',
};

/**
 * Web push over real HTTP on the machine's PostgreSQL: `web-push` encrypts and signs, a
 * local push service receives, and the test decrypts with the subscription's own keys
 * (RFC 8291) and verifies the VAPID JWT (RFC 8292) with node:crypto alone.
 */
describe('web push to a technician, with SMS when push cannot reach them', () => {
  let test: TestDatabase | undefined;
  let server: AuthTestApp;
  let pushService: PushTestService;
  let sms: SmsTestGateway;
  let admin: string;
  let worker: NotificationWorker;
  let notifier: PushNotifier;
  const clock = new ManualClock(Date.parse('2026-03-04T05:00:00Z'));
  let counter = 0;

  beforeAll(async () => {
    if (!(await postgresAvailableOrSkip())) return;
    test = await createTestDatabase('postgres');
    pushService = await startPushTestService();
    sms = await startSmsTestGateway();
    server = await createAuthTestApp({
      database: test.database,
      env: {
        FLEET_ADMIN_USER: ADMIN.username,
        FLEET_ADMIN_PASSWORD: ADMIN.password,
        SMS_GATEWAY_URL: `${sms.url}/send`,
        VAPID_SUBJECT: SUBJECT,
      },
      imports: [NotificationsApiModule],
      overrides: [
        { token: NOTIFICATION_OPTIONS, value: { ...DEFAULT_NOTIFICATION_OPTIONS, autoStart: false } },
        { token: NOTIFICATION_CLOCK, value: clock },
      ],
    });
    admin = await loginToken(server.baseUrl, ADMIN.username, ADMIN.password);
    worker = server.app.get(NotificationWorker);
    notifier = server.app.get(PushNotifier);
  });
  afterAll(async () => {
    await server?.close();
    await pushService?.close();
    await sms?.close();
    await test?.drop();
  });

  const call = (method: string, path: string, token: string, body?: unknown) =>
    callJson(server.baseUrl, method, path, { token, body });

  async function technician(phone: string | null): Promise<{ id: string; token: string }> {
    counter += 1;
    const username = `push-tech-${counter}`;
    const created = await call('POST', '/users', admin, {
      username,
      password: 'push-tech-pass-1',
      role: 'technician',
      regions: ['Beijing'],
      locale: 'en',
      ...(phone ? { phone } : {}),
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    return {
      id: created.body.id as string,
      token: await loginToken(server.baseUrl, username, 'push-tech-pass-1'),
    };
  }

  async function subscribe(token: string, path: string) {
    const subscriber = createTestSubscriber();
    const reply = await call('POST', '/push/subscriptions', token, {
      endpoint: `${pushService.origin}${path}`,
      expirationTime: null,
      keys: { p256dh: subscriber.p256dh, auth: subscriber.auth },
    });
    expect(reply.status).toBe(201);
    return subscriber;
  }

  it('serves one VAPID public key, the pair kept in the database across restarts', async ({ skip }) => {
    if (!test) return skip();
    const tech = await technician(null);
    const reply = await call('GET', '/push/vapid-public-key', tech.token);
    expect(reply.status).toBe(200);
    expect(reply.body.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    const again = await loadVapidKeys(authDb(test.database), undefined, SUBJECT);
    expect(again.publicKey).toBe(reply.body.publicKey);
    const configured = { publicKey: 'p'.repeat(87), privateKey: 'q'.repeat(43) };
    expect(await loadVapidKeys(authDb(test.database), configured, SUBJECT)).toEqual({
      ...configured,
      subject: SUBJECT,
    });
  });

  it('answers 400 naming the endpoint and the key that are wrong', async ({ skip }) => {
    if (!test) return skip();
    const tech = await technician(null);
    const reply = await call('POST', '/push/subscriptions', tech.token, {
      endpoint: 'ftp://push.example.test/x',
      keys: { p256dh: 'too-short', auth: createTestSubscriber().auth },
    });
    expect(reply.status).toBe(400);
    const fields = (reply.body.error.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['endpoint', 'keys.p256dh']);
  });

  it("encrypts the payload so the subscription's own keys decrypt it, signed for the push service's origin", async ({
    skip,
  }) => {
    if (!test) return skip();
    const tech = await technician('+8613800138001');
    const subscriber = await subscribe(tech.token, '/push/phone-1');
    const publicKey = (await call('GET', '/push/vapid-public-key', tech.token)).body.publicKey as string;
    pushService.requests.length = 0;

    await notifier.notify(tech.id, message, 'work-order:wo-1:assigned');
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(pushService.requests).toHaveLength(1);
    const [push] = pushService.requests;
    expect(push?.path).toBe('/push/phone-1');
    expect(push?.headers['content-encoding']).toBe('aes128gcm');
    expect(push?.headers['urgency']).toBe('high');
    expect(Number(push?.headers['ttl'])).toBeGreaterThan(0);
    expect(JSON.parse(decryptAes128gcm(push!.body, subscriber))).toEqual(message);
    const claims = verifyVapidAuthorization(push?.headers['authorization']);
    expect(claims.aud).toBe(pushService.origin);
    expect(claims.sub).toBe(SUBJECT);
    expect(claims.publicKey).toBe(publicKey);
    // RFC 8292: at most 24 hours ahead (web-push dates it by the wall clock).
    const nowS = Date.now() / 1000;
    expect(claims.exp).toBeGreaterThan(nowS);
    expect(claims.exp).toBeLessThanOrEqual(nowS + 24 * 3600 + 5);
    expect(sms.requests).toHaveLength(0);
  });

  it('a different key cannot decrypt the push', async ({ skip }) => {
    if (!test) return skip();
    const tech = await technician(null);
    await subscribe(tech.token, '/push/phone-2');
    pushService.requests.length = 0;
    await notifier.notify(tech.id, message, 'work-order:wo-2:assigned');
    await worker.runOnce();
    const [push] = pushService.requests;
    expect(() => decryptAes128gcm(push!.body, createTestSubscriber())).toThrow();
  });

  it('removes a subscription the push service calls gone (410) and sends the text by SMS instead', async ({
    skip,
  }) => {
    if (!test) return skip();
    const tech = await technician('+8613800138002');
    await subscribe(tech.token, '/push/gone-phone');
    pushService.answer('/push/gone-phone', 410);
    sms.requests.length = 0;

    await notifier.notify(tech.id, message, 'work-order:wo-3:assigned');
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 1 });

    expect(await server.app.get(PushSubscriptionsRepository).ofUser(tech.id)).toEqual([]);
    expect(sms.requests).toHaveLength(1);
    expect(JSON.parse(sms.requests[0]!.body)).toEqual({ phone: '+8613800138002', text: message.title });
    const outbox = server.app.get(OutboxRepository);
    const pushRow = await outbox.findByKey('work-order:wo-3:assigned');
    expect(pushRow?.last_error).toMatch(/sent as SMS instead/);
    expect((await outbox.findByKey('work-order:wo-3:assigned:sms-fallback'))?.state).toBe('sent');
  });

  it('sends the text by SMS to a technician who never subscribed', async ({ skip }) => {
    if (!test) return skip();
    const tech = await technician('+8613800138003');
    sms.requests.length = 0;
    await notifier.notify(tech.id, message, 'work-order:wo-4:assigned');
    await worker.runOnce();
    expect(sms.requests.map((r) => JSON.parse(r.body).phone)).toEqual(['+8613800138003']);
  });

  it('retries a push the service refused for now (503) when there is no phone to fall back on', async ({
    skip,
  }) => {
    if (!test) return skip();
    const tech = await technician(null);
    await subscribe(tech.token, '/push/busy-phone');
    pushService.answer('/push/busy-phone', 503);
    await notifier.notify(tech.id, message, 'work-order:wo-5:assigned');
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const row = await server.app.get(OutboxRepository).findByKey('work-order:wo-5:assigned');
    expect(row).toMatchObject({
      state: 'pending',
      last_error: expect.stringMatching(/answered 503; no SMS fallback/),
    });
  });

  it("DELETE removes the caller's own subscription, never another user's", async ({ skip }) => {
    if (!test) return skip();
    const owner = await technician(null);
    const other = await technician(null);
    await subscribe(owner.token, '/push/owned');
    const endpoint = `${pushService.origin}/push/owned`;
    const repository = server.app.get(PushSubscriptionsRepository);

    expect((await call('DELETE', '/push/subscriptions', other.token, { endpoint })).status).toBe(204);
    expect(await repository.ofUser(owner.id)).toHaveLength(1);
    expect((await call('DELETE', '/push/subscriptions', owner.token, { endpoint })).status).toBe(204);
    expect(await repository.ofUser(owner.id)).toEqual([]);
    expect((await call('DELETE', '/push/subscriptions', owner.token, {})).status).toBe(400);
  });
});
