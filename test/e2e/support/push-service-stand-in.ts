import type { BrowserContext, Page } from 'playwright-core';

/** The subscription a phone's push service would hand out: where to post, and the phone's keys. */
export interface StandInSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** Where the page keeps what the app asked of its push service. */
const SUBSCRIPTION_KEY = 'e2e-push-subscription';
const SERVER_KEY = 'e2e-push-application-server-key';

/**
 * Stands in for the browser's push service (FCM for Chromium), which headless Chromium on a
 * closed network cannot reach: `pushManager.subscribe` fails there with "Registration
 * failed". The app's own code still runs: permission, the server's VAPID key, `subscribe`,
 * `toJSON()` and `POST /push/subscriptions`; only the push service's answer is this one, an
 * endpoint on the test's local push service and keys whose private half the test holds.
 */
export async function standInForPushService(
  context: BrowserContext,
  subscription: StandInSubscription,
): Promise<void> {
  await context.addInitScript(
    ({ subscription, subscriptionKey, serverKey }) => {
      const base64url = (bytes: Uint8Array) =>
        btoa(String.fromCharCode(...bytes))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
      const bytesOf = (text: string) => {
        const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
        return Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) =>
          c.charCodeAt(0),
        ).buffer;
      };
      const made = () => ({
        endpoint: subscription.endpoint,
        expirationTime: null,
        getKey: (name: string) => bytesOf(name === 'auth' ? subscription.auth : subscription.p256dh),
        toJSON: () => ({
          endpoint: subscription.endpoint,
          expirationTime: null,
          keys: { p256dh: subscription.p256dh, auth: subscription.auth },
        }),
        unsubscribe: async () => {
          localStorage.removeItem(subscriptionKey);
          return true;
        },
      });
      PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
        const key = options?.applicationServerKey;
        if (!key || typeof key === 'string')
          throw new DOMException('applicationServerKey required', 'AbortError');
        const bytes =
          key instanceof ArrayBuffer
            ? new Uint8Array(key)
            : new Uint8Array(key.buffer, key.byteOffset, key.byteLength);
        localStorage.setItem(serverKey, base64url(bytes));
        localStorage.setItem(subscriptionKey, '1');
        return made() as unknown as PushSubscription;
      };
      PushManager.prototype.getSubscription = async function () {
        return localStorage.getItem(subscriptionKey) ? (made() as unknown as PushSubscription) : null;
      };
    },
    { subscription, subscriptionKey: SUBSCRIPTION_KEY, serverKey: SERVER_KEY },
  );
}

/** The application server key the app subscribed with (base64url), or null if it never did. */
export function subscribedServerKey(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), SERVER_KEY);
}
