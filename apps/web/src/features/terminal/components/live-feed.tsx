import type { TerminalMessageEvent } from '@fleet/telemetry/live/events';
import { useI18n } from '../../../lib/i18n/i18n-provider';

/** The payload without the envelope fields every message has, as `key=value` pairs. */
function describePayload(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .filter(([key]) => key !== 'ts' && key !== 'seq')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
}

/** The last messages received while this page is open, so an agent sees the terminal talk. */
export function LiveFeed({ feed }: { feed: readonly TerminalMessageEvent[] }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel" aria-label={t('terminal.liveFeed')}>
      <h2 className="panel__title">{t('terminal.liveFeed')}</h2>
      {feed.length === 0 ? (
        <p className="muted">{t('terminal.liveFeedEmpty')}</p>
      ) : (
        <ul className="feed" aria-live="polite">
          {feed.map((message, i) => (
            <li key={`${message.ts}-${message.channel}-${i}`}>
              <time>{new Date(message.ts).toLocaleTimeString(locale)}</time>{' '}
              <strong>{message.channel}</strong> <code>{describePayload(message.payload)}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
