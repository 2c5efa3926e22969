import { generateRequestDetails } from 'web-push';
import type { VapidKeys } from './vapid-keys';

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** `gone`: the push service forgot the subscription (404/410); it must be dropped. */
export type PushOutcome = { kind: 'delivered' } | { kind: 'gone' } | { kind: 'failed'; reason: string };

/** How long the push service keeps a message for a phone that is off: a working day. */
const TTL_S = 12 * 3600;

/**
 * One push: `web-push` encrypts the payload (RFC 8291, aes128gcm) and signs the VAPID JWT
 * (RFC 8292); the request goes out through fetch, like the other HTTP channels, with a
 * timeout. Urgency high: a technician's assignment should wake the phone.
 */
export async function sendWebPush(
  target: PushTarget,
  payload: string,
  vapid: VapidKeys,
  timeoutMs: number,
): Promise<PushOutcome> {
  let details: ReturnType<typeof generateRequestDetails>;
  try {
    details = generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      payload,
      { vapidDetails: vapid, TTL: TTL_S, urgency: 'high' },
    );
  } catch {
    // Keys no browser could have made (the API checks their lengths, not the curve): never deliverable.
    return { kind: 'gone' };
  }
  let response: Response;
  try {
    response = await fetch(details.endpoint, {
      method: details.method,
      headers: details.headers as Record<string, string>,
      body: details.body ? new Uint8Array(details.body) : undefined,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { kind: 'failed', reason: `push service unreachable: ${(error as Error).message}` };
  }
  await response.body?.cancel();
  if (response.ok) return { kind: 'delivered' };
  if (response.status === 404 || response.status === 410) return { kind: 'gone' };
  return { kind: 'failed', reason: `push service answered ${response.status}` };
}
