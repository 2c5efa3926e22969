import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertsResponse } from '@fleet/telemetry/api/alerts';
import type { PushMessage, VapidPublicKey } from '@fleet/telemetry/api/push';
import type {
  RemoteActionsResponse,
  WorkOrdersResponse,
  WorkOrderView,
} from '@fleet/telemetry/api/work-orders';
import {
  startPushTestService,
  type PushTestService,
} from '../../apps/api/src/notifications/testing/push-test-service';
import {
  createTestSubscriber,
  decryptAes128gcm,
  type TestSubscriber,
} from '../../apps/api/src/notifications/testing/web-push-decrypt';
import { apiAsAdmin, postAsAdmin } from './support/api';
import { carrierOutageMessages } from '../../apps/api/src/risk/testing/carrier-outage-messages';
import { launchBrowser, screenshot } from './support/browser';
import { startPlatform, type RunningPlatform } from './support/platform';
import { publishSimRunningOut, TerminalPublisher } from './support/publish';
import { standInForPushService, subscribedServerKey } from './support/push-service-stand-in';
import { e2eBlocker } from './support/require-tools';

/**
 * Issue #13's journey through the real built platform, on a phone: a comm module failing in
 * Beijing (over MQTT) → a work order for the Beijing technician, not the Shanghai one → the
 * platform's web push, captured at a local push endpoint and decrypted, reaches the phone's
 * service worker through the DevTools protocol and shows a notification → accepted, en route
 * and on site with the phone offline → back online, the server has each step at the phone's
 * time → fixed, the terminal reports healthy → the order is confirmed. A SIM running out of
 * data makes no work order. The phone turns notifications on with its own button; headless
 * Chromium cannot reach a push service of its own ("Registration failed"), so the push
 * service's answer to `subscribe` is the local endpoint's (see push-service-stand-in.ts).
 */
const blocked = e2eBlocker();
const MIN = 60_000;
const WAIT = { timeout: 60_000, interval: 500 };
const FAULTY = 'E2E-DSP-BJ-1';
const SIM = 'E2E-DSP-BJ-2';
const TECH = { username: 'tech.beijing', password: 'tech-beijing-password' };
const PHONE = { width: 390, height: 844 };

describe.skipIf(blocked)('field dispatch on the technician’s phone, end to end', () => {
  let platform: RunningPlatform;
  let pushService: PushTestService;
  let subscriber: TestSubscriber;
  let terminal: TerminalPublisher;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  let beijingTech: string;
  let shanghaiTech: string;
  let order: WorkOrderView;

  const ordersOf = async (tid: string) =>
    (await apiAsAdmin<WorkOrdersResponse>(platform, '/work-orders')).items.filter(
      (o) => o.terminalId === tid,
    );
  const detail = () => apiAsAdmin<WorkOrderView>(platform, `/work-orders/${order.id}`);

  /** A quarter of 15-minute windows every 5 h, every other one with a timeout and a comm error. */
  async function publishFailingModule(tid: string): Promise<void> {
    const now = Date.now();
    const healthy = (ts: number) =>
      [
        ['signal', { ts, comm: '4g', rsrpDbm: -82, rsrqDb: -8, sinrDb: 12, mccMnc: '46000', cellId: 'c1' }],
        [
          'sim',
          { ts, iccid: '89860012345678901234', dataBalanceMb: 900, expiresAt: '2027-12-31', carrier: 'CMCC' },
        ],
        [
          'heartbeat',
          { ts, intervalS: 60, uptimeS: 3_600, comm: '4g', power: 'mains', fw: '1.2.3', model: 'A920' },
        ],
      ] as const;
    for (const [channel, fields] of healthy(now - 6 * 60 * MIN)) await terminal.publish(tid, channel, fields);
    for (let i = 0, ts = now - 5 * 60 * MIN; ts <= now; i++, ts += 15 * MIN) {
      const bad = i % 2 === 0;
      await terminal.publish(tid, 'txn', {
        ts,
        windowS: 900,
        approved: bad ? 4 : 5,
        declined: 0,
        timeouts: bad ? 1 : 0,
        commErrors: bad ? 1 : 0,
        reversals: bad ? 1 : 0,
        reversalFailed: 0,
      });
    }
    for (const [channel, fields] of healthy(now)) await terminal.publish(tid, channel, fields);
  }

  beforeAll(async () => {
    pushService = await startPushTestService();
    subscriber = createTestSubscriber();
    platform = await startPlatform({
      fleetSize: 0,
      env: { ALERT_RAISE_AFTER_S: '2', NOTIFY_GROUP_WAIT_S: '1', NOTIFY_GROUP_INTERVAL_S: '1' },
    });
    await postAsAdmin(platform, '/terminals/import', [
      {
        terminalId: FAULTY,
        merchantId: 'M-E2E-BJ',
        merchantName: 'Noodle Bar',
        merchantPhone: '+86 138 0000 0009',
        address: '北京市东城区王府井大街 88 号',
        region: 'Beijing',
        lat: 39.91,
        lon: 116.4,
        model: 'A920',
        comm: '4g',
      },
      {
        terminalId: SIM,
        merchantId: 'M-E2E-BJ2',
        merchantName: 'Tea House',
        region: 'Beijing',
        lat: 39.93,
        lon: 116.42,
        model: 'A920',
        comm: '4g',
      },
    ]);
    const users: string[] = [];
    // The Shanghai technician lives next door to the merchant, but Beijing is not their territory.
    for (const [username, region, homeBase] of [
      [TECH.username, 'Beijing', { lat: 39.99, lon: 116.3 }],
      ['tech.shanghai', 'Shanghai', { lat: 39.911, lon: 116.401 }],
    ] as const) {
      const user = await postAsAdmin<{ id: string }>(platform, '/users', {
        username,
        password: `${username.replace('.', '-')}-password`,
        role: 'technician',
        regions: [region],
        homeBase,
        locale: 'en',
      });
      users.push(user.id);
    }
    [beijingTech, shanghaiTech] = users as [string, string];
    terminal = await TerminalPublisher.connect(platform.mqttUrl);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'en-US' });
    await context.grantPermissions(['notifications'], { origin: platform.baseUrl });
    await standInForPushService(context, {
      endpoint: `${pushService.origin}/push/phone-1`,
      p256dh: subscriber.p256dh,
      auth: subscriber.auth,
    });
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await terminal?.close();
    await platform?.stop();
    await pushService?.close();
  }, 30_000);

  it('turns on notifications from the phone’s own button, subscribing with the server’s VAPID key', async () => {
    await page.goto(`${platform.baseUrl}/#/`);
    await page.getByLabel('Username').fill(TECH.username);
    await page.getByLabel('Password').fill(TECH.password);
    await page.getByRole('button', { name: 'Sign in' }).tap();
    await page.getByRole('heading', { name: 'My jobs today' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Turn on notifications' }).tap();
    await page.getByText('Notifications on', { exact: true }).waitFor(WAIT);
    const { publicKey } = await apiAsAdmin<VapidPublicKey>(platform, '/push/vapid-public-key');
    expect(await subscribedServerKey(page)).toBe(publicKey.replace(/=+$/, ''));
  }, 120_000);

  it('assigns a comm-module fault in Beijing to the Beijing technician, not the nearer Shanghai one', async () => {
    await publishFailingModule(FAULTY);
    await expect.poll(async () => (await ordersOf(FAULTY)).length, WAIT).toBe(1);
    [order] = (await ordersOf(FAULTY)) as [WorkOrderView];
    expect(order).toMatchObject({
      terminalId: FAULTY,
      code: 'COMM_MODULE_FAULT',
      state: 'assigned',
      assignee: beijingTech,
      parts: ['comm_module', 'terminal_swap'],
    });
    expect(order.assignee).not.toBe(shanghaiTech);
  }, 120_000);

  it('pushes the assignment to the subscription the phone made, and its service worker shows it as a notification', async () => {
    const registration = await serviceWorkerRegistration(cdp, page, platform.baseUrl);

    await expect.poll(() => pushService.requests.length, WAIT).toBeGreaterThanOrEqual(1);
    const [push] = pushService.requests;
    expect(push!.path).toBe('/push/phone-1');
    const message = JSON.parse(decryptAes128gcm(push!.body, subscriber)) as PushMessage;
    expect(message).toMatchObject({ workOrderId: order.id });
    expect(message.title).toMatch(/New job/);
    expect(message.body).toContain(FAULTY);

    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: platform.baseUrl,
      registrationId: registration,
      data: JSON.stringify(message),
    });
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const ready = await navigator.serviceWorker.ready;
            return (await ready.getNotifications()).map((n) => ({ title: n.title, body: n.body }));
          }),
        WAIT,
      )
      .toEqual([{ title: message.title, body: message.body }]);
  }, 120_000);

  it('queues accept, en route and on site made offline, and the server keeps each at the phone’s time, in order', async () => {
    await page.getByTestId('job-card').filter({ hasText: FAULTY }).tap();
    await page.getByRole('heading', { name: 'Noodle Bar' }).waitFor(WAIT);
    await page.getByText('北京市东城区王府井大街 88 号', { exact: true }).waitFor(WAIT);
    expect(await page.getByRole('link', { name: /\+86 138 0000 0009/ }).getAttribute('href')).toBe(
      'tel:+86 138 0000 0009',
    );
    await screenshot(page, '15-field-dispatch-job');

    await context.setOffline(true);
    const taps: Array<{ to: string; before: number; after: number }> = [];
    for (const [to, label] of [
      ['accepted', 'Accept'],
      ['en_route', 'On my way'],
      ['on_site', 'Arrived'],
    ] as const) {
      const button = page.getByRole('button', { name: label, exact: true });
      await button.waitFor(WAIT);
      const before = Date.now();
      await button.tap();
      taps.push({ to, before, after: Date.now() });
    }
    await page.getByRole('status').filter({ hasText: '3 changes waiting' }).waitFor(WAIT);
    expect((await detail()).state).toBe('assigned');
    await screenshot(page, '16-field-dispatch-offline');

    const online = Date.now();
    await context.setOffline(false);
    await expect.poll(async () => (await detail()).state, WAIT).toBe('on_site');
    const steps = (await detail()).transitions.filter((t) => taps.some((tap) => tap.to === t.to));
    expect(steps.map((t) => [t.from, t.to])).toEqual([
      ['assigned', 'accepted'],
      ['accepted', 'en_route'],
      ['en_route', 'on_site'],
    ]);
    steps.forEach((step, i) => {
      // The phone's time of the tap, not the time the server heard of it.
      expect(Date.parse(step.at)).toBeGreaterThanOrEqual(taps[i]!.before - 1_000);
      expect(Date.parse(step.at)).toBeLessThanOrEqual(taps[i]!.after + 1_000);
      expect(Date.parse(step.recordedAt)).toBeGreaterThanOrEqual(online - 1_000);
    });
  }, 120_000);

  it('confirms the order once the fixed terminal reports healthy', async () => {
    await page.getByRole('button', { name: 'Fixed', exact: true }).tap();
    await expect.poll(async () => (await detail()).state, WAIT).toBe('resolved');
    expect((await detail()).confirmation).toBe('pending');

    // The new module: a busy window with no failure brings the day's share well under the threshold.
    const now = Date.now();
    await terminal.publish(FAULTY, 'txn', {
      ts: now,
      windowS: 900,
      approved: 1_000,
      declined: 0,
      timeouts: 0,
      commErrors: 0,
      reversals: 0,
      reversalFailed: 0,
    });
    await terminal.publish(FAULTY, 'heartbeat', {
      ts: now,
      intervalS: 60,
      uptimeS: 60,
      comm: '4g',
      power: 'mains',
    });
    await expect
      .poll(async () => (await detail()).confirmation, { timeout: 90_000, interval: 1_000 })
      .toBe('confirmed');
    await page.getByText('Fix confirmed by the terminal').waitFor(WAIT);
    await screenshot(page, '17-field-dispatch-confirmed');
  }, 150_000);

  it('makes no work order for a carrier outage nor its members, nor for a SIM running out of data, which becomes a top-up for support', async () => {
    const outage = ['E2E-OUT-1', 'E2E-OUT-2', 'E2E-OUT-3', 'E2E-OUT-4', 'E2E-OUT-5', 'E2E-OUT-6'];
    await postAsAdmin(
      platform,
      '/terminals/import',
      outage.map((terminalId, i) => ({
        terminalId,
        merchantId: `M-E2E-OUT-${i}`,
        merchantName: `Shop ${i}`,
        region: 'Beijing',
        lat: 39.9,
        lon: 116.4,
      })),
    );
    for (const [tid, channel, payload] of carrierOutageMessages(outage, Date.now()))
      await terminal.publish(tid, channel, payload as unknown as Record<string, unknown>);
    await expect
      .poll(
        async () =>
          (await apiAsAdmin<AlertsResponse>(platform, '/alerts?state=open')).items.some(
            (a) => a.code === 'CARRIER_OUTAGE',
          ),
        WAIT,
      )
      .toBe(true);

    await publishSimRunningOut(terminal, SIM);
    await terminal.publish(SIM, 'heartbeat', { intervalS: 60, uptimeS: 3_600, comm: '4g', power: 'mains' });
    // The top-up comes from a dispatch pass after the outage's: that one has decided too.
    await expect
      .poll(
        async () =>
          (await apiAsAdmin<RemoteActionsResponse>(platform, '/remote-actions?state=open')).items.map((a) => [
            a.terminalId,
            a.kind,
            a.code,
          ]),
        WAIT,
      )
      .toEqual([[SIM, 'top_up', 'SIM_DATA_EXHAUSTION']]);
    const orders = (await apiAsAdmin<WorkOrdersResponse>(platform, '/work-orders')).items;
    expect(orders.map((o) => o.terminalId)).toEqual([FAULTY]);
  }, 120_000);
});

/** The id of the page origin's service worker registration, as the DevTools protocol names it. */
async function serviceWorkerRegistration(cdp: CDPSession, page: Page, origin: string): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const mine = registrations.find((r) => r.scopeURL.startsWith(origin) && !r.isDeleted);
      if (mine) resolve(mine.registrationId);
    });
  });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await cdp.send('ServiceWorker.enable');
  return found;
}
