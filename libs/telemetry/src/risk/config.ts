import { DEFAULT_HORIZON_HOURS } from '../causes';

/**
 * Every threshold of the risk engine in one place. Values come from the public
 * references in shared/DOMAIN.md and common radio practice, not from any one fleet:
 * the engine must hold on fleets it has never seen.
 *
 * Signal scales are given as three edges per metric: `poor` (start of DOMAIN's poor
 * band), `veryPoor` (DOMAIN's "very poor"/"unusable" edge) and `fail` (where a modem
 * typically loses service). Badness 0 = at `poor`, 0.5 = at `veryPoor`, 1 = at `fail`.
 */
export interface SignalScale {
  /** Values below this are in the poor band. */
  poor: number;
  /** Values below this are very poor: connections drop or time out. */
  veryPoor: number;
  /** Values at or below this: the modem typically loses service. */
  fail: number;
}

export interface RiskConfig {
  /** How far ahead we predict "connection failed" (PROTOCOL §3: 72 h). */
  horizonMs: number;

  sim: {
    /** A balance at or below this is already exhausted (the carrier cuts data at ~0). */
    exhaustedMb: number;
    /** A rise larger than this between two readings is a top-up, not meter noise. */
    topUpMinMb: number;
    /** Burn rate is estimated over at most this much recent history (averages daily cycles). */
    burnWindowMs: number;
    /** Below this span the burn rate is too uncertain to forecast from. */
    minBurnSpanMs: number;
    /** Spans shorter than this cover part of a day only; their forecast gets less weight. */
    fullConfidenceSpanMs: number;
    /** Burn rates below this are meter noise (MB/day). */
    minBurnMbPerDay: number;
  };

  signal: {
    /** 4G/NB-IoT RSRP, dBm: ≥ −80 excellent … −100…−110 poor, below −110 very poor (DOMAIN). */
    rsrpDbm: SignalScale;
    /** RSRQ, dB: worse than −15 poor (DOMAIN); −20 is the bottom of the reported range. */
    rsrqDb: SignalScale;
    /** SINR, dB: below 0 unusable (DOMAIN); mid-cell starts around +3. */
    sinrDb: SignalScale;
    /** 2G csq: dBm = −113 + 2·csq; 2–9 marginal, 10–14 ok (DOMAIN); 0–1 ≈ no service; 99 unknown. */
    csq: SignalScale;
    /** Cellular RSSI (2G/3G, or 4G without RSRP), dBm: the csq scale in dBm (csq 10 = −93 dBm). */
    rssiDbm: SignalScale;
    /** Wi-Fi RSSI, dBm: −67 is the usual floor for reliable data, −80 unusable, −90 no link. */
    wifiRssiDbm: SignalScale;
    /** "Last several hours" judged for persistent weakness. */
    persistWindowMs: number;
    /** Share of the window's samples that must be weak for it to count as persistent. */
    persistShare: number;
    /** Newest stretch used to see whether a dip has already recovered. */
    recentMs: number;
    /** Trend window: long enough to average load-driven daily swings. */
    trendWindowMs: number;
    /** A trend must move at least this much badness (0.25 = 5 dB RSRP) to be believed. */
    minTrendBadness: number;
    /**
     * A trend is a risk only once the level is this bad (−0.5: RSRP −90 dBm and csq 14, the
     * tops of DOMAIN's fair and ok bands): a good signal sliding a little is not yet heading
     * for failure, and the trend is re-judged as soon as it leaves the good band.
     */
    trendFromBadness: number;
    /** A step down of at least this much badness (0.5 = 10 dB RSRP) vs the earlier baseline. */
    stepBadness: number;
    /** Fewer valid samples than this in a window say nothing. */
    minSamples: number;
    /** SIGN_IN_FAIL events in the last day that make a poor (not very poor) signal a risk. */
    signInFailSupport: number;
    /** Signal data older than this is stale: the terminal has moved on or gone offline. */
    staleMs: number;
  };

  offline: {
    /** Offline after this many missed heartbeat intervals (DOMAIN: "a few"). */
    missedIntervals: number;
    /** Floor on the silence allowance, for terminals with very short intervals. */
    minAllowanceMs: number;
    /** Transport slack added to every allowance (broker keep-alive, batching). */
    slackMs: number;
    /** Days of history needed before usual hours are learned. */
    learnMinDays: number;
    /** An hour of day is a usual working hour if active on at least this share of days. */
    usualHourShare: number;
    /** Without learned hours, a clean shutdown is not questioned before this long. */
    shutdownGraceMs: number;
  };

  comm: {
    /** Recent transaction windows judged. */
    windowMs: number;
    /** Minimum attempts (approved + declined + timeouts + comm errors) before shares mean anything. */
    minAttempts: number;
    /** Minimum link failures (timeouts + comm errors) to rule out small-number noise. */
    minFailures: number;
    /** Share of attempts failing on the link that is abnormal (healthy links: ~1–3 %). */
    failShare: number;
    /** Share of attempts reversed (a reversal follows a host timeout). */
    reversalShare: number;
    /** CONN_FAIL events + reconnects (REBOOT, Last Will) per window that alone mean a bad module. */
    reconnects: number;
  };

  line: {
    /** Line tests older than this are stale. */
    staleMs: number;
  };

  power: {
    /** Battery charge at or below this (percent) is low. */
    lowBatteryPct: number;
    /** A LOW_BATTERY event newer than this counts. */
    eventWindowMs: number;
  };

  incidents: {
    /** Terminals of one group dropping within this window form a burst ("within minutes"). */
    burstWindowMs: number;
    /** Failures this close to a burst's edge still join it (cascading drops). */
    burstGapMs: number;
    /**
     * A drop counts once the terminal has stayed down this long, so a reconnect storm
     * (every link dropped and back within seconds: a broker or load-balancer restart) is
     * no outage, while a real one is still raised within half a minute.
     */
    confirmMs: number;
    /** Fewest members for any incident. */
    minMembers: number;
    /** Fewest members for one carrier×region cell to count as failing. */
    minCellMembers: number;
    /** Share of a cell's terminals that must drop together. */
    minCellShare: number;
    /** Host failures are grouped over a wider window: txn reports come every 15 min. */
    hostWindowMs: number;
    /**
     * A host burst must outnumber the fleet's other current host failures (scattered
     * merchants' own problems) this many times: it stands out from the fleet's own
     * background, whatever the fleet's size.
     */
    hostMinLift: number;
    /** Score given to a member's incident cause. */
    memberScore: number;
  };
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const DEFAULT_RISK_CONFIG: RiskConfig = {
  horizonMs: DEFAULT_HORIZON_HOURS * HOUR,
  sim: {
    exhaustedMb: 1,
    topUpMinMb: 1,
    burnWindowMs: 3 * DAY,
    minBurnSpanMs: 6 * HOUR,
    fullConfidenceSpanMs: DAY,
    minBurnMbPerDay: 0.1,
  },
  signal: {
    rsrpDbm: { poor: -100, veryPoor: -110, fail: -120 },
    rsrqDb: { poor: -15, veryPoor: -17.5, fail: -20 },
    sinrDb: { poor: 3, veryPoor: 0, fail: -3 },
    // csq 10 = −93 dBm, csq 6 = −101 dBm (GSM sensitivity ≈ −102), csq 2 = −109 dBm.
    csq: { poor: 10, veryPoor: 6, fail: 2 },
    rssiDbm: { poor: -93, veryPoor: -101, fail: -109 },
    wifiRssiDbm: { poor: -70, veryPoor: -80, fail: -90 },
    persistWindowMs: 6 * HOUR,
    persistShare: 0.6,
    recentMs: 30 * MIN,
    trendWindowMs: DAY,
    minTrendBadness: 0.25,
    trendFromBadness: -0.5,
    stepBadness: 0.5,
    minSamples: 3,
    signInFailSupport: 2,
    staleMs: DAY,
  },
  offline: {
    missedIntervals: 3,
    minAllowanceMs: 3 * MIN,
    slackMs: 30_000,
    learnMinDays: 2,
    usualHourShare: 0.5,
    shutdownGraceMs: DAY,
  },
  comm: {
    windowMs: DAY,
    minAttempts: 20,
    minFailures: 5,
    failShare: 0.1,
    reversalShare: 0.05,
    reconnects: 8,
  },
  line: { staleMs: 2 * DAY },
  power: { lowBatteryPct: 20, eventWindowMs: 6 * HOUR },
  incidents: {
    burstWindowMs: 15 * MIN,
    burstGapMs: 5 * MIN,
    confirmMs: 15_000,
    minMembers: 5,
    minCellMembers: 3,
    minCellShare: 0.3,
    hostWindowMs: 30 * MIN,
    hostMinLift: 3,
    memberScore: 70,
  },
};
