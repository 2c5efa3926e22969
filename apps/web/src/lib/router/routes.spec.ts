import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './routes';

describe('parseRoute', () => {
  it('reads every page and its id', () => {
    expect(parseRoute('')).toEqual({ name: 'overview' });
    expect(parseRoute('#/')).toEqual({ name: 'overview' });
    expect(parseRoute('#/map')).toEqual({ name: 'map' });
    expect(parseRoute('#/at-risk')).toEqual({ name: 'at-risk' });
    expect(parseRoute('#/incidents')).toEqual({ name: 'incidents' });
    expect(parseRoute('#/incidents/inc-7')).toEqual({ name: 'incident', incidentId: 'inc-7' });
    expect(parseRoute('#/terminals/T-0001')).toEqual({ name: 'terminal', terminalId: 'T-0001' });
    expect(parseRoute(href.users())).toEqual({ name: 'users' });
    expect(parseRoute(href.alerts())).toEqual({ name: 'alerts' });
    expect(parseRoute(href.alert('3f1c'))).toEqual({ name: 'alert', alertId: '3f1c' });
    expect(parseRoute(href.alertRules())).toEqual({ name: 'alert-rules' });
    expect(parseRoute(href.reports())).toEqual({ name: 'reports' });
  });

  it('reads the technician’s jobs and the dispatch board', () => {
    expect(parseRoute(href.tech())).toEqual({ name: 'tech' });
    expect(parseRoute(href.techJob('wo/1'))).toEqual({ name: 'tech-job', workOrderId: 'wo/1' });
    expect(parseRoute(href.dispatch())).toEqual({ name: 'dispatch' });
    expect(parseRoute('#/tech/jobs')).toEqual({ name: 'not-found', path: '/tech/jobs' });
  });

  it('reads the silences and maintenance pages, and a new silence filled from an alert', () => {
    expect(parseRoute(href.silences())).toEqual({ name: 'silences' });
    expect(parseRoute(href.maintenance())).toEqual({ name: 'maintenance' });
    const prefill = { code: 'SIM_EXPIRY', terminalId: 'T 1&2', region: 'Shanghai', alertId: 'a-1' };
    expect(parseRoute(href.newSilence(prefill))).toEqual({ name: 'silences', prefill });
    expect(parseRoute('#/silences/new?colour=red')).toEqual({ name: 'silences', prefill: {} });
  });

  it('round-trips ids through href', () => {
    expect(parseRoute(href.terminal('A B/1'))).toEqual({ name: 'terminal', terminalId: 'A B/1' });
  });

  it('names an unknown path instead of guessing', () => {
    expect(parseRoute('#/nope/x/y')).toEqual({ name: 'not-found', path: '/nope/x/y' });
    expect(parseRoute('#/terminals')).toEqual({ name: 'not-found', path: '/terminals' });
  });
});
