/// <reference lib="webworker" />
import { pushMessageSchema, type PushMessage } from '@fleet/telemetry/api/push';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { API_CACHE } from './lib/offline/api-cache';

declare let self: ServiceWorkerGlobalScope;

// The app shell (HTML, JS, CSS, icons), so the phone opens without a network.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//, /^\/socket\.io\//] }),
);

// A technician's jobs and the terminals' last readings: the network when it answers within
// a few seconds, else what was last seen. Only GETs; the cache is emptied at sign-out.
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' &&
    (/^\/api\/v1\/work-orders(\/|\?|$)/.test(url.pathname + url.search) ||
      /^\/api\/v1\/terminals\/[^/]+$/.test(url.pathname)),
  new NetworkFirst({ cacheName: API_CACHE, networkTimeoutSeconds: 4 }),
);

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** The payload the platform encrypts (libs/telemetry `pushMessageSchema`); anything else still shows. */
function readPush(event: PushEvent): PushMessage {
  try {
    const parsed = pushMessageSchema.safeParse(event.data?.json());
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: show its text
  }
  return { title: 'Fleet Monitor', body: event.data?.text() ?? '' };
}

self.addEventListener('push', (event) => {
  const message = readPush(event);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: message.url ?? '/#/tech', workOrderId: message.workOrderId },
    }),
  );
});

// A tap opens the job: in a window of the app that is already open, else in a new one.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(
    (event.notification.data as { url?: string } | null)?.url ?? '/#/tech',
    self.location.origin,
  );
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const open = windows.find((client) => new URL(client.url).origin === target.origin);
      if (open) {
        await open.focus();
        return open.navigate(target.href).then(() => undefined);
      }
      await self.clients.openWindow(target.href);
    }),
  );
});
