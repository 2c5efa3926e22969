import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG } from './config';
import { detectWeakSignal } from './detect-weak-signal';
import type { EventSample, SignalSample } from './history';
import { DAY, event, HOUR, makeHistory, MINUTE, NOW, signals } from './fixtures/make-history';

const detect = (signal: SignalSample[], events: EventSample[] = []) =>
  detectWeakSignal(makeHistory({ signal, events }), NOW, DEFAULT_RISK_CONFIG);

/** Deterministic ±spread jitter so fixtures look like radio readings. */
const jitter = (i: number, spread: number) => (((i * 7919) % 13) / 12) * 2 * spread - spread;

describe('detectWeakSignal', () => {
  it('flags 4G that has been very poor for hours', () => {
    const cause = detect(signals(NOW - 2 * DAY, NOW, (_, i) => ({ rsrpDbm: -115 + jitter(i, 3) })));
    expect(cause?.code).toBe('WEAK_SIGNAL');
    expect(cause?.evidenceData.finding).toBe('persistent');
    expect(cause?.evidence).toMatch(
      /^4g signal very poor in 100% of readings over the last ~6 h: RSRP -115 dBm/,
    );
    expect(cause!.score).toBeGreaterThanOrEqual(65);
  });

  it('leaves fair signal alone, however long it lasts', () => {
    expect(
      detect(
        signals(NOW - 2 * DAY, NOW, (_, i) => ({ rsrpDbm: -95 + jitter(i, 4), sinrDb: 6 + jitter(i, 5) })),
      ),
    ).toBeUndefined();
  });

  it('forgets a dip that has recovered', () => {
    const dip = (ts: number) => ts > NOW - 5 * HOUR && ts < NOW - 45 * MINUTE;
    const readings = signals(NOW - 2 * DAY, NOW, (ts, i) => ({
      rsrpDbm: dip(ts) ? -118 : -82 + jitter(i, 3),
    }));
    expect(detect(readings)).toBeUndefined();
  });

  it('treats 2G csq 99 as missing data, never as a level', () => {
    const unknown = signals(NOW - DAY, NOW, () => ({
      comm: '2g',
      csq: 99,
      rsrpDbm: undefined,
      rsrqDb: undefined,
      sinrDb: undefined,
    }));
    expect(detect(unknown)).toBeUndefined();
    const weakWithGaps = signals(NOW - DAY, NOW, (_, i) => ({
      comm: '2g',
      csq: i % 3 === 0 ? 99 : 4,
      rsrpDbm: undefined,
      rsrqDb: undefined,
      sinrDb: undefined,
    }));
    const cause = detect(weakWithGaps);
    expect(cause?.evidence).toContain('csq 4');
    expect(cause?.evidenceData.csq).toBe(4);
  });

  it('needs sign-in failures before a merely poor signal counts', () => {
    const poor = signals(NOW - DAY, NOW, (_, i) => ({ rsrpDbm: -105 + jitter(i, 2) }));
    expect(detect(poor)).toBeUndefined();
    const failures = [event(NOW - 3 * HOUR, 'SIGN_IN_FAIL'), event(NOW - HOUR, 'SIGN_IN_FAIL')];
    const cause = detect(poor, failures);
    expect(cause?.evidenceData.finding).toBe('poor_with_failures');
    expect(cause?.evidence).toContain('2 sign-in and 0 connection failures in 24 h');
  });

  it('predicts when a steady decline crosses the failure edge', () => {
    // −80 dBm a day ago, falling 5/6 dB per hour: −100 now, −120 in ~24 h.
    const readings = signals(NOW - DAY, NOW, (ts) => ({ rsrpDbm: -100 + ((NOW - ts) / HOUR) * (20 / 24) }));
    const cause = detect(readings);
    expect(cause?.evidenceData.finding).toBe('trend');
    expect(Math.abs(cause!.predictedAt! - (NOW + DAY)) / HOUR).toBeLessThan(2);
  });

  it('does not extrapolate a slide that is still in the good band to failure', () => {
    // RSRP −78 → −89 dBm over a day is still good; the same kind of slide, −85 → −100, is a risk.
    const sliding = (from: number, to: number) =>
      signals(NOW - DAY, NOW, (ts) => ({ rsrpDbm: from + ((to - from) * (ts - NOW + DAY)) / DAY }));
    expect(detect(sliding(-78, -89))).toBeUndefined();
    expect(detect(sliding(-85, -100))?.evidenceData.finding).toBe('trend');
  });

  it('flags a step down into the poor band', () => {
    const readings = signals(NOW - 2 * DAY, NOW, (ts, i) => ({
      rsrpDbm: (ts < NOW - 7 * HOUR ? -80 : -104) + jitter(i, 1),
    }));
    expect(detect(readings)?.evidenceData.finding).toBe('step');
  });

  it('judges Wi-Fi by its own scale', () => {
    const wifi = (rssi: number) => () => ({
      comm: 'wifi' as const,
      wifiRssiDbm: rssi,
      rsrpDbm: undefined,
      rsrqDb: undefined,
      sinrDb: undefined,
    });
    expect(detect(signals(NOW - DAY, NOW, wifi(-84)))?.evidence).toContain('Wi-Fi RSSI -84 dBm');
    expect(detect(signals(NOW - DAY, NOW, wifi(-62)))).toBeUndefined();
  });

  it('catches an unusable SINR even when RSRP looks fine', () => {
    const cause = detect(signals(NOW - DAY, NOW, (_, i) => ({ rsrpDbm: -88, sinrDb: -2 + jitter(i, 1) })));
    expect(cause?.evidence).toContain('SINR -2 dB');
  });

  it('does not apply to ethernet, to stale data, or to readings on a link no longer used', () => {
    const wired = signals(NOW - DAY, NOW, () => ({
      comm: 'ethernet',
      rsrpDbm: undefined,
      rsrqDb: undefined,
      sinrDb: undefined,
    }));
    expect(detect(wired)).toBeUndefined();
    expect(detect(signals(NOW - 4 * DAY, NOW - 2 * DAY, () => ({ rsrpDbm: -118 })))).toBeUndefined();
    const movedToWifi = [
      ...signals(NOW - DAY, NOW - HOUR, () => ({ rsrpDbm: -118 })),
      ...signals(NOW - 50 * MINUTE, NOW, () => ({
        comm: 'wifi',
        wifiRssiDbm: -55,
        rsrpDbm: undefined,
        rsrqDb: undefined,
        sinrDb: undefined,
      })),
    ];
    expect(detect(movedToWifi)).toBeUndefined();
  });

  it('copes with duplicated, shuffled readings', () => {
    const readings = signals(NOW - DAY, NOW, (_, i) => ({ rsrpDbm: -116 + jitter(i, 2) }));
    const messy = [...readings, ...readings.slice(100, 140)].reverse();
    expect(detect(messy)?.evidenceData.rsrpDbm).toBe(detect(readings)?.evidenceData.rsrpDbm);
  });
});
