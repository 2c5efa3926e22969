import { z } from 'zod';

/**
 * Web push (issue #13): the browser subscribes with the server's VAPID public key, hands the
 * subscription to `POST /push/subscriptions`, and the service worker shows what arrives.
 */

/** `GET /push/vapid-public-key`: the application server key, base64url (uncompressed P-256 point). */
export const vapidPublicKeySchema = z.object({ publicKey: z.string() });
export type VapidPublicKey = z.infer<typeof vapidPublicKeySchema>;

const base64url = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'must be base64url')
    .refine((value) => decodedLength(value) === bytes, `must be ${bytes} bytes, base64url`);

/** Decoded length of base64url text, without depending on Node's Buffer (the web uses this too). */
function decodedLength(value: string): number {
  const bare = value.replace(/=+$/, '');
  return Math.floor((bare.length * 3) / 4);
}

/** `POST /push/subscriptions`: `PushSubscription.toJSON()` as browsers give it. */
export const pushSubscriptionRequestSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(2000),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    /** The browser's P-256 public key, uncompressed (65 bytes). */
    p256dh: base64url(65),
    /** The 16-byte authentication secret. */
    auth: base64url(16),
  }),
});
export type PushSubscriptionRequest = z.infer<typeof pushSubscriptionRequestSchema>;

/** `DELETE /push/subscriptions`: the endpoint the browser gave up. */
export const pushUnsubscribeRequestSchema = z.object({ endpoint: z.string().min(1).max(2000) });
export type PushUnsubscribeRequest = z.infer<typeof pushUnsubscribeRequestSchema>;

/** What `POST /push/subscriptions` answers. */
export const pushSubscriptionViewSchema = z.object({
  id: z.string(),
  endpoint: z.string(),
  createdAt: z.string(),
});
export type PushSubscriptionView = z.infer<typeof pushSubscriptionViewSchema>;

/** The encrypted payload of every push, as the service worker reads it. */
export const pushMessageSchema = z.object({
  title: z.string(),
  body: z.string(),
  /** Where a tap on the notification leads, e.g. `/#/tech/jobs/<id>`. */
  url: z.string().optional(),
  /** Notifications with one tag replace each other (one per work order). */
  tag: z.string().optional(),
  workOrderId: z.string().optional(),
});
export type PushMessage = z.infer<typeof pushMessageSchema>;
