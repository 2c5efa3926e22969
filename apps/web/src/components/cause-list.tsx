import { useI18n } from '../lib/i18n/i18n-provider';
import type { EvidenceCause } from '@fleet/telemetry/evidence/evidence-context';
import { evidenceInWords } from '@fleet/telemetry/evidence/evidence-in-words';
import { predictedInWords } from '../lib/risk/predicted-in-words';
import { CauseChip } from './cause-chip';

/** Each cause with its evidence and, where forecast, when it bites, in words. */
export function CauseList({ causes, now }: { causes: readonly EvidenceCause[]; now: number }) {
  const { t, language } = useI18n();
  // `now` ticks every 30 s; a cause that arrived since must not read as "in the future".
  const at = Math.max(now, Date.now());
  return (
    <ul className="cause-list">
      {causes.map((cause) => {
        const when = cause.predictedAt ? predictedInWords(t, cause.code, cause.predictedAt, at) : undefined;
        return (
          <li key={cause.code} className="cause-list__item">
            <CauseChip code={cause.code} />
            {when ? <strong className="cause-list__when">{when}</strong> : null}
            <span className="cause-list__evidence">{evidenceInWords(language, cause, at)}</span>
          </li>
        );
      })}
    </ul>
  );
}
