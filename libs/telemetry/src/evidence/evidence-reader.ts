import type { EvidenceData } from '../api/risk';

/** A cause lacks a value its sentence needs (older stored causes): show the server's text instead. */
export class MissingEvidence extends Error {
  constructor(key: string) {
    super(`evidenceData has no usable "${key}"`);
    this.name = 'MissingEvidence';
  }
}

/** Typed reads of one cause's evidenceData; a missing or mistyped value throws MissingEvidence. */
export class EvidenceReader {
  constructor(private readonly data: EvidenceData | undefined) {}

  has(key: string): boolean {
    return this.data?.[key] !== undefined;
  }

  number(key: string): number {
    const value = this.data?.[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new MissingEvidence(key);
    return value;
  }

  text(key: string): string {
    const value = this.data?.[key];
    if (typeof value !== 'string') throw new MissingEvidence(key);
    return value;
  }

  /** What a word in the data stands for, e.g. a paper status's message; an unknown word throws. */
  choice<T>(key: string, choices: Readonly<Record<string, T>>): T {
    const word = this.text(key);
    if (!Object.hasOwn(choices, word)) throw new MissingEvidence(key);
    return choices[word]!;
  }

  optionalText(key: string): string | undefined {
    return this.has(key) ? this.text(key) : undefined;
  }

  /** A value that is a number or a word standing in for one (e.g. batteryPct "unknown"). */
  numberOrText(key: string): number | string {
    const value = this.data?.[key];
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
    throw new MissingEvidence(key);
  }
}
