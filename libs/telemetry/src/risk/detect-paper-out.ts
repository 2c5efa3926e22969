import { type Cause, describeDuration } from './cause';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './config';
import type { PaperSample, TerminalHistory } from './history';
import { orderedByTs, orderedEvents } from './normalize-history';

const SCORES: Record<Exclude<PaperSample['status'], 'ok'>, number> = {
  out: 85,
  jam: 80,
  cover_open: 65,
  low: 50,
};

const WORDS: Record<Exclude<PaperSample['status'], 'ok'>, string> = {
  out: 'out of paper',
  jam: 'paper jammed',
  cover_open: 'printer cover open',
  low: 'paper low',
};

/** PAPER_OUT: the latest printer status is not ok; a PAPER_OUT event newer than it also counts. */
export function detectPaperOut(
  history: TerminalHistory,
  now: number,
  _config: RiskConfig = DEFAULT_RISK_CONFIG,
): Cause | undefined {
  const papers = orderedByTs(history.paper);
  const latest = papers[papers.length - 1];
  let status = latest?.status ?? 'ok';
  let since = latest?.ts ?? now;
  const events = orderedEvents(history.events);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (latest !== undefined && e.ts <= latest.ts) break;
    if (e.code === 'PAPER_OUT') {
      status = 'out';
      since = e.ts;
      break;
    }
  }
  if (status === 'ok') return undefined;
  // How long it has been in this state: walk back over the same status.
  for (let i = papers.length - 2; i >= 0 && papers[i]!.status === status; i--) since = papers[i]!.ts;
  return {
    code: 'PAPER_OUT',
    score: SCORES[status],
    evidence: `${WORDS[status]} for ${describeDuration(now - since)}`,
    evidenceData: { status, since },
    predictedAt: status === 'low' ? undefined : since,
  };
}
