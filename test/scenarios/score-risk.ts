import { CAUSE_CODES, type CauseCode } from '@fleet/telemetry/causes';

export interface CauseScore {
  code: CauseCode;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Lead times in hours (failureAt − first appearance) of true positives that have a failure time. */
  leadHours: number[];
}

export interface RiskScore {
  perCause: CauseScore[];
  precision: number;
  recall: number;
  /** Median lead time over every true positive with a failure time; NaN when none. */
  leadHours: number;
  /** Terminal and cause of every miss and false alarm, for reading the failures. */
  mistakes: string[];
}

export interface Judged {
  terminalId: string;
  expected: readonly CauseCode[];
  predicted: readonly CauseCode[];
  /** Hours of lead per predicted cause, where known. */
  lead?: Partial<Record<CauseCode, number>>;
}

const ratio = (hits: number, total: number) => (total === 0 ? 1 : hits / total);

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const emptyScore = (code: CauseCode): CauseScore => ({
  code,
  truePositives: 0,
  falsePositives: 0,
  falseNegatives: 0,
  leadHours: [],
});

/** Overall (micro-averaged) precision, recall and median lead over the per-cause counts. */
function totals(perCause: CauseScore[], mistakes: string[]): RiskScore {
  const sum = (pick: (s: CauseScore) => number) => perCause.reduce((total, s) => total + pick(s), 0);
  const tp = sum((s) => s.truePositives);
  return {
    perCause,
    precision: ratio(tp, tp + sum((s) => s.falsePositives)),
    recall: ratio(tp, tp + sum((s) => s.falseNegatives)),
    leadHours: median(perCause.flatMap((s) => s.leadHours)),
    mistakes,
  };
}

/** Per-cause and overall (micro-averaged) precision and recall of predicted against labelled causes. */
export function scoreRisk(judged: readonly Judged[]): RiskScore {
  const byCode = new Map<CauseCode, CauseScore>(CAUSE_CODES.map((code) => [code, emptyScore(code)]));
  const mistakes: string[] = [];
  for (const j of judged) {
    const expected = new Set(j.expected);
    const predicted = new Set(j.predicted);
    for (const code of predicted) {
      const s = byCode.get(code)!;
      if (expected.has(code)) {
        s.truePositives++;
        const lead = j.lead?.[code];
        if (lead !== undefined && Number.isFinite(lead)) s.leadHours.push(lead);
      } else {
        s.falsePositives++;
        mistakes.push(`false alarm ${code} on ${j.terminalId}`);
      }
    }
    for (const code of expected) {
      if (predicted.has(code)) continue;
      byCode.get(code)!.falseNegatives++;
      mistakes.push(`missed ${code} on ${j.terminalId}`);
    }
  }
  const perCause = [...byCode.values()].filter(
    (s) => s.truePositives + s.falsePositives + s.falseNegatives > 0,
  );
  return totals(perCause, mistakes);
}

/** Adds up the scores of several scenarios (counts and lead times pooled). */
export function poolScores(scores: readonly RiskScore[]): RiskScore {
  const pooled = new Map<CauseCode, CauseScore>();
  for (const score of scores) {
    for (const s of score.perCause) {
      const into = pooled.get(s.code) ?? emptyScore(s.code);
      into.truePositives += s.truePositives;
      into.falsePositives += s.falsePositives;
      into.falseNegatives += s.falseNegatives;
      into.leadHours.push(...s.leadHours);
      pooled.set(s.code, into);
    }
  }
  return totals(
    [...pooled.values()],
    scores.flatMap((s) => s.mistakes),
  );
}

/** The table and the final line the evaluation prints. */
export function formatScore(score: RiskScore): string[] {
  const pct = (v: number) => (Number.isNaN(v) ? '   -' : v.toFixed(2).padStart(4));
  const lines = ['cause                 tp   fp   fn  precision  recall  lead h (median)'];
  for (const s of score.perCause) {
    const p = ratio(s.truePositives, s.truePositives + s.falsePositives);
    const r = ratio(s.truePositives, s.truePositives + s.falseNegatives);
    const lead = median(s.leadHours);
    lines.push(
      `${s.code.padEnd(20)} ${String(s.truePositives).padStart(4)} ${String(s.falsePositives).padStart(4)} ${String(s.falseNegatives).padStart(4)}       ${pct(p)}    ${pct(r)}  ${Number.isNaN(lead) ? '-' : lead.toFixed(1)}`,
    );
  }
  return lines;
}

export function finalLine(score: RiskScore): string {
  const lead = Number.isNaN(score.leadHours) ? 'n/a' : score.leadHours.toFixed(1);
  return `risk: precision ${score.precision.toFixed(3)} recall ${score.recall.toFixed(3)} lead ${lead} h`;
}
