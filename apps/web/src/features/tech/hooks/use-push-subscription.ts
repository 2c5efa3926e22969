import { pushSubscriptionViewSchema, vapidPublicKeySchema } from '@fleet/telemetry/api/push';
import { useCallback, useEffect, useState } from 'react';
import { apiGet, apiPost } from '../../../lib/api-client';

export type PushState = 'checking' | 'unsupported' | 'denied' | 'off' | 'on' | 'failed';

function supported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function register(subscription: PushSubscription): Promise<void> {
  await apiPost('/push/subscriptions', subscription.toJSON(), pushSubscriptionViewSchema);
}

/**
 * This browser's web push for the signed-in user. An existing subscription is handed to the
 * server again on every start (the same endpoint updates its row), so a server that lost it
 * or a phone now used by another technician stays right.
 */
export function usePushSubscription() {
  const [state, setState] = useState<PushState>(supported() ? 'checking' : 'unsupported');
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!supported()) return;
    let live = true;
    void navigator.serviceWorker.ready
      .then((registration) => registration.pushManager.getSubscription())
      .then(async (subscription) => {
        if (subscription) await register(subscription);
        if (!live) return;
        if (subscription) setState('on');
        else setState(Notification.permission === 'denied' ? 'denied' : 'off');
      })
      .catch(() => live && setState('off'));
    return () => {
      live = false;
    };
  }, []);

  const enable = useCallback(async () => {
    setError(undefined);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        setState(permission === 'denied' ? 'denied' : 'off');
        return;
      }
      const { publicKey } = await apiGet('/push/vapid-public-key', vapidPublicKeySchema);
      const registration = await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(publicKey),
      });
      await register(subscription);
      setState('on');
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setState('failed');
    }
  }, []);

  return { state, error, enable };
}
