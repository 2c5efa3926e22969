import { QueryClient } from '@tanstack/react-query';
import type { AlertsResponse } from '@fleet/telemetry/api/alerts';
import { describe, expect, it } from 'vitest';
import { alertView } from '../../../testing/fixtures';
import { applyAlertChange, storeAlertChange } from './alert-cache';
import { alertsQueryKey } from './get-alerts';

const older = alertView({ id: 'a-1', lastRaisedAt: '2026-03-01T08:00:00.000Z' });
const newer = alertView({ id: 'a-2', lastRaisedAt: '2026-03-01T09:00:00.000Z', terminalId: 'T-0002' });

describe('applyAlertChange', () => {
  it('adds a new alert to a list of its state, newest first', () => {
    expect(applyAlertChange([older], newer, 'open').map((a) => a.id)).toEqual(['a-2', 'a-1']);
    expect(applyAlertChange([older], newer, 'all').map((a) => a.id)).toEqual(['a-2', 'a-1']);
  });

  it('replaces an alert in place and drops it from a list whose state it left', () => {
    const acknowledged = { ...older, state: 'acknowledged' as const, acknowledgedBy: 'mei' };
    expect(applyAlertChange([newer, older], acknowledged, 'open').map((a) => a.id)).toEqual(['a-2']);
    expect(applyAlertChange([newer, older], acknowledged, 'all')).toEqual([newer, acknowledged]);
    expect(applyAlertChange([], acknowledged, 'acknowledged')).toEqual([acknowledged]);
  });

  it('moves a reopened alert to the top by its new raise time', () => {
    const reopened = { ...older, lastRaisedAt: '2026-03-01T10:00:00.000Z', occurrences: 2 };
    expect(applyAlertChange([newer, older], reopened, 'open').map((a) => a.id)).toEqual(['a-1', 'a-2']);
  });
});

describe('storeAlertChange', () => {
  it("patches every cached list by its own state and marks the alert's detail stale", () => {
    const client = new QueryClient();
    client.setQueryData<AlertsResponse>(alertsQueryKey('open'), { items: [newer, older] });
    client.setQueryData<AlertsResponse>(alertsQueryKey('acknowledged'), { items: [] });
    client.setQueryData(['alerts', 'detail', 'a-1'], { ...older, timeline: [] });

    const acknowledged = { ...older, state: 'acknowledged' as const };
    storeAlertChange(client, acknowledged);

    expect(client.getQueryData<AlertsResponse>(alertsQueryKey('open'))?.items).toEqual([newer]);
    expect(client.getQueryData<AlertsResponse>(alertsQueryKey('acknowledged'))?.items).toEqual([
      acknowledged,
    ]);
    expect(client.getQueryState(['alerts', 'detail', 'a-1'])?.isInvalidated).toBe(true);
    // A list never loaded stays unloaded: it will be read when someone opens it.
    expect(client.getQueryData(alertsQueryKey('resolved'))).toBeUndefined();
  });
});
