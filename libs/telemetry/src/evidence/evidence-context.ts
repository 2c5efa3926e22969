import type { EvidenceData } from '../api/risk';
import type { CauseCode } from '../causes';
import { formatNumber, formatShare, roughDuration } from './evidence-format';
import { EvidenceReader, MissingEvidence } from './evidence-reader';
import { EVIDENCE_TEXTS, type EvidenceKey } from './evidence-texts';

export type EvidenceLanguage = keyof typeof EVIDENCE_TEXTS;
export type EvidenceTranslate = (key: EvidenceKey, vars?: Record<string, string | number>) => string;

/** Intl locale of each language, as the dashboard formats numbers and dates. */
const LOCALES: Record<EvidenceLanguage, string> = { en: 'en-GB', 'zh-CN': 'zh-CN' };

/** Looks `key` up and fills `{name}` placeholders; an unknown placeholder stays visible. */
function translator(language: EvidenceLanguage): EvidenceTranslate {
  return (key, vars) =>
    EVIDENCE_TEXTS[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      vars !== undefined && name in vars ? String(vars[name]) : whole,
    );
}

/** The parts of a cause view its evidence sentence is built from. */
export interface EvidenceCause {
  code: CauseCode;
  evidence: string;
  evidenceData?: EvidenceData;
  predictedAt?: string;
}

/**
 * Everything a cause's sentence needs: its data, its forecast, the clock and the language.
 * Spans are measured against the screen's clock, so they agree with the forecast line beside them;
 * instants are shown in the viewer's time zone, as every other time on the page.
 */
export class EvidenceContext {
  readonly data: EvidenceReader;
  /** The cause's forecast instant (epoch ms), when it has a readable one. */
  readonly predictedAt: number | undefined;
  readonly t: EvidenceTranslate;
  private readonly locale: string;

  constructor(
    language: EvidenceLanguage,
    cause: EvidenceCause,
    readonly now: number,
    /** The runtime's zone unless given (tests, and mails in China time, pin one). */
    private readonly timeZone?: string,
  ) {
    this.t = translator(language);
    this.locale = LOCALES[language];
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

  /** "11:59": the time of day, 24-hour. */
  clockTime(ms: number): string {
    return new Intl.DateTimeFormat(this.locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: this.timeZone,
    }).format(validDate(ms));
  }

  /** "9 Mar 2024, 11:00" / "2024年3月9日 11:00", as formatDateTime writes it elsewhere. */
  dateTime(ms: number): string {
    return new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: this.timeZone,
    }).format(validDate(ms));
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

function validDate(ms: number): Date {
  const at = new Date(ms);
  if (Number.isNaN(at.getTime())) throw new MissingEvidence('time');
  return at;
}
