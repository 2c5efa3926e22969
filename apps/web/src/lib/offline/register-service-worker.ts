import { registerSW } from 'virtual:pwa-register';

/**
 * The service worker keeps the app and the technician's jobs for offline use and receives
 * web push. Browsers allow it only on https or localhost; elsewhere the app runs without.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  registerSW({ immediate: true });
}
