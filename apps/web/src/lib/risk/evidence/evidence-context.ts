import type { EvidenceData } from '@fleet/telemetry/api/risk';
import type { CauseCode } from '@fleet/telemetry/causes';
import { formatNumber, formatShare, roughDuration } from '../../format';
import type { Translate } from '../../i18n/translate';
import { EvidenceReader, MissingEvidence } from './evidence-reader';

/** The parts of a cause view its evidence sentence is built from. */
export interface EvidenceCause {
  code: CauseCode;
  evidence: string;
  evidenceData?: EvidenceData;
  predictedAt?: string;
}

/**
 * Everything a cause's sentence needs: its data, its forecast, the clock and the language.
 * Spans are measured against the screen's clock, so they agree with the forecast line beside them.
 */
export class EvidenceContext {
  readonly data: EvidenceReader;
  /** The cause's forecast instant (epoch ms), when it has a readable one. */
  readonly predictedAt: number | undefined;

  constructor(
    readonly t: Translate,
    private readonly locale: string,
    cause: EvidenceCause,
    readonly now: number,
  ) {
    this.data = new EvidenceReader(cause.evidenceData);
    const at = cause.predictedAt === undefined ? NaN : Date.parse(cause.predictedAt);
    this.predictedAt = Number.isNaN(at) ? undefined : at;
  }

  /** The forecast instant, for sentences that cannot be said without it. */
  forecast(): number {
    if (this.predictedAt === undefined) throw new MissingEvidence('predictedAt');
    return this.predictedAt;
  }

  number(value: number): string {
    return formatNumber(value, this.locale);
  }

  share(part: number, whole: number): string {
    return formatShare(part, whole, this.locale);
  }

  /** "17 h" / "17 小时", rounded as the engine's describeDuration; sentences add "~" or "约". */
  span(ms: number): string {
    const { amount, unit } = roughDuration(ms);
    return this.t(`duration.${unit}`, { n: amount });
  }

  /** "11:59": the engine states clock times in UTC, and so do the sentences. */
  utcTime(ms: number): string {
    return isoOf(ms).slice(11, 16);
  }

  /** "2024-03-09 11:00", in UTC. */
  utcDateTime(ms: number): string {
    return isoOf(ms).slice(0, 16).replace('T', ' ');
  }

  /** Items of one clause: "RSRP -115 dBm, SINR -2 dB". */
  list(items: readonly string[]): string {
    return items.join(this.t('evidence.listJoin'));
  }

  /** Separate findings: "…; 48 reversals; signal and SIM fine". */
  parts(parts: readonly string[]): string {
    return parts.join(this.t('evidence.partJoin'));
  }
}

function isoOf(ms: number): string {
  const at = new Date(ms);
  if (Number.isNaN(at.getTime())) throw new MissingEvidence('time');
  return at.toISOString();
}
