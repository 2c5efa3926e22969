/** What a new silence starts from (an alert's place and cause), as `#/silences/new?…` carries it. */
export const SILENCE_PREFILL_KEYS = [
  'code',
  'terminalId',
  'region',
  'mccMnc',
  'merchantId',
  'alertId',
] as const;
export type SilencePrefill = Partial<Record<(typeof SILENCE_PREFILL_KEYS)[number], string>>;

/** Hash routes: work from any static host and from file-less e2e servers without rewrites. */
export type Route =
  | { name: 'overview' }
  | { name: 'map' }
  | { name: 'at-risk' }
  | { name: 'terminal'; terminalId: string }
  | { name: 'incidents' }
  | { name: 'incident'; incidentId: string }
  | { name: 'users' }
  | { name: 'alerts' }
  | { name: 'alert'; alertId: string }
  | { name: 'notification-settings' }
  | { name: 'alert-rules' }
  | { name: 'tech' }
  | { name: 'tech-job'; workOrderId: string }
  | { name: 'dispatch' }
  | { name: 'silences'; prefill?: SilencePrefill }
  | { name: 'maintenance' }
  | { name: 'reports' }
  | { name: 'not-found'; path: string };

function prefillOf(query: string): SilencePrefill {
  const params = new URLSearchParams(query);
  const prefill: SilencePrefill = {};
  for (const key of SILENCE_PREFILL_KEYS) {
    const value = params.get(key);
    if (value) prefill[key] = value;
  }
  return prefill;
}

export function parseRoute(hash: string): Route {
  const [path = '/', query = ''] = (hash.replace(/^#/, '') || '/').split('?');
  const [, first = '', second] = path.split('/');
  const id = second ? decodeURIComponent(second) : undefined;
  if (first === '' && !id) return { name: 'overview' };
  if (first === 'map' && !id) return { name: 'map' };
  if (first === 'at-risk' && !id) return { name: 'at-risk' };
  if (first === 'incidents') return id ? { name: 'incident', incidentId: id } : { name: 'incidents' };
  if (first === 'users' && !id) return { name: 'users' };
  if (first === 'alerts') return id ? { name: 'alert', alertId: id } : { name: 'alerts' };
  if (first === 'settings' && id === 'notifications') return { name: 'notification-settings' };
  if (first === 'alert-rules' && !id) return { name: 'alert-rules' };
  if (first === 'terminals' && id) return { name: 'terminal', terminalId: id };
  if (first === 'tech' && !id) return { name: 'tech' };
  if (first === 'tech' && id === 'jobs') {
    const job = path.split('/')[3];
    if (job) return { name: 'tech-job', workOrderId: decodeURIComponent(job) };
  }
  if (first === 'dispatch' && !id) return { name: 'dispatch' };
  if (first === 'silences' && !id) return { name: 'silences' };
  if (first === 'silences' && id === 'new') return { name: 'silences', prefill: prefillOf(query) };
  if (first === 'maintenance' && !id) return { name: 'maintenance' };
  if (first === 'reports' && !id) return { name: 'reports' };
  return { name: 'not-found', path };
}

export const href = {
  overview: () => '#/',
  map: () => '#/map',
  atRisk: () => '#/at-risk',
  terminal: (terminalId: string) => `#/terminals/${encodeURIComponent(terminalId)}`,
  incidents: () => '#/incidents',
  incident: (incidentId: string) => `#/incidents/${encodeURIComponent(incidentId)}`,
  users: () => '#/users',
  alerts: () => '#/alerts',
  alert: (alertId: string) => `#/alerts/${encodeURIComponent(alertId)}`,
  notificationSettings: () => '#/settings/notifications',
  alertRules: () => '#/alert-rules',
  tech: () => '#/tech',
  techJob: (workOrderId: string) => `#/tech/jobs/${encodeURIComponent(workOrderId)}`,
  dispatch: () => '#/dispatch',
  silences: () => '#/silences',
  /** The silences page with its form open, filled from `prefill`. */
  newSilence: (prefill: SilencePrefill) => {
    const params = new URLSearchParams();
    for (const key of SILENCE_PREFILL_KEYS) if (prefill[key]) params.set(key, prefill[key]);
    return `#/silences/new?${params.toString()}`;
  },
  maintenance: () => '#/maintenance',
  reports: () => '#/reports',
};
