import type { AlertTimelineEntry } from '@fleet/telemetry/api/alerts';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';

/** The words an entry carries: an acknowledgement's note, a resolution's reason. */
function textOf(detail: Record<string, unknown>): string | undefined {
  const text = detail.note ?? detail.reason;
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/** Who did what to the alert and when, oldest first, with the note or reason they gave. */
export function AlertTimeline({
  entries,
  assigneeName,
}: {
  entries: readonly AlertTimelineEntry[];
  assigneeName: (userId: string) => string;
}) {
  const { t, locale } = useI18n();
  return (
    <ol className="alert-timeline" aria-label={t('alerts.timeline')}>
      {entries.map((entry, i) => {
        const text = textOf(entry.detail);
        const assignee = typeof entry.detail.assignee === 'string' ? entry.detail.assignee : undefined;
        return (
          <li
            key={`${entry.at}-${i}`}
            className={`alert-timeline__entry alert-timeline__entry--${entry.kind}`}
          >
            <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
            <span>
              {t(`alerts.change.${entry.kind}`, {
                actor: entry.actor === 'system' ? t('alerts.system') : entry.actor,
              })}
              {assignee ? ` → ${assigneeName(assignee)}` : null}
            </span>
            {text ? <q className="alert-timeline__text">{text}</q> : null}
          </li>
        );
      })}
    </ol>
  );
}
