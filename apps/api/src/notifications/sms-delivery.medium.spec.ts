import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '@fleet/telemetry/api/notifications';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { DEFAULT_NOTIFICATION_OPTIONS } from './notification-options';
import { PreferencesRepository } from './preferences/preferences.repository';
import { makeAlert } from './testing/alert-factory';
import { ManualClock } from './testing/manual-clock';
import { startNotificationsTestApp, type NotificationsTestApp } from './testing/notifications-test-app';
import { startSmsTestGateway, type SmsTestGateway } from './testing/sms-test-gateway';
import { insertUser } from './testing/users-factory';

const T0 = Date.parse('2026-03-04T05:00:00Z');
const { groupWaitMs } = DEFAULT_NOTIFICATION_OPTIONS.grouping;
const retry = { maxAttempts: 4, minDelayMs: 1_000, maxDelayMs: 60_000 };

describe('alert SMS through a configurable HTTP gateway', () => {
  let test: TestDatabase;
  let gateway: SmsTestGateway;
  let app: NotificationsTestApp;
  const clock = new ManualClock(T0);

  beforeAll(async () => {
    test = await createTestDatabase('embedded');
    gateway = await startSmsTestGateway([503]);
    app = await startNotificationsTestApp({
      env: {
        SMS_GATEWAY_URL: `${gateway.url}/sms/send?sign=fleet`,
        SMS_GATEWAY_BODY: '{"mobile":"{phone}","content":"{text}"}',
      },
      database: test.database,
      clock,
      options: { retry },
    });
  });
  afterAll(async () => {
    await app?.close();
    await gateway?.close();
    await test?.drop();
  });

  it("posts the subject in the user's language to their phone, retrying the gateway's 503", async () => {
    const user = await insertUser(test.database, { phone: '+8613800138000', email: null, locale: 'zh-CN' });
    // SMS is off by default: this user turned it on.
    await app.moduleRef
      .get(PreferencesRepository)
      .save(
        user,
        { ...DEFAULT_NOTIFICATION_PREFERENCES, sms: { enabled: true, minSeverity: 'warning' } },
        new Date(T0),
      );
    await app.notifier.notify(
      [{ kind: 'user', userId: user }],
      makeAlert({ terminalId: 'T-0099', code: 'OFFLINE', recommendedAction: 'x' }),
    );
    clock.advance(groupWaitMs);
    expect((await app.worker.runOnce()).retried).toBe(1);
    clock.advance(retry.minDelayMs);
    expect((await app.worker.runOnce()).sent).toBe(1);

    expect(gateway.requests).toHaveLength(2);
    const [, delivered] = gateway.requests;
    expect(delivered?.method).toBe('POST');
    expect(delivered?.url).toBe('/sms/send?sign=fleet');
    expect(delivered?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(delivered!.body)).toEqual({
      mobile: '+8613800138000',
      content: '[警告] 新告警: 离线 · 终端 T-0099 (Lucky Noodles)',
    });
    expect(delivered?.headers['idempotency-key']).toBe(gateway.requests[0]?.headers['idempotency-key']);
  });
});
