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
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
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
};
