import type { CauseCode } from '../causes';

/** One reason a terminal is likely to show "connection failed" within the horizon. */
export interface Cause {
  code: CauseCode;
  /** 0–100: how sure we are that this cause leads to a failure within the horizon. */
  score: number;
  /** The numbers in words, for the support centre. */
  evidence: string;
  evidenceData: Record<string, number | string>;
  /** When the failure is expected (epoch ms); in the past when it has already happened. */
  predictedAt?: number;
}

export function clampScore(score: number): number {
  if (!(score > 0)) return 0;
  return score >= 100 ? 100 : Math.round(score);
}

/** "~17 h", "~3 d", "~25 min": durations the way a support agent says them. */
export function describeDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 90 * 60_000) return `~${Math.max(1, Math.round(abs / 60_000))} min`;
  if (abs < 48 * 3_600_000) return `~${Math.round(abs / 3_600_000)} h`;
  return `~${Math.round(abs / 86_400_000)} d`;
}

/** Rounds for display: 2 significant decimals below 10, whole numbers above. */
export function round(value: number): number {
  return Math.abs(value) < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}
