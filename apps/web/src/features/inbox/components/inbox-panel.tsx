import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';
import { useInbox } from '../api/get-inbox';
import { useMarkInboxRead } from '../api/mark-inbox-read';

/** The caller's notices, newest first: unread ones marked, each readable on its own or all at once. */
export function InboxPanel() {
  const { t, locale } = useI18n();
  const inbox = useInbox(true);
  const markRead = useMarkInboxRead();
  const items = inbox.data?.items ?? [];
  const hasUnread = items.some((item) => item.readAt === null);
  return (
    <section className="inbox-panel" aria-label={t('inbox.title')}>
      <header className="inbox-panel__header">
        <h2>{t('inbox.title')}</h2>
        <button
          type="button"
          className="button button--ghost"
          disabled={!hasUnread || markRead.isPending}
          onClick={() => markRead.mutate('all')}
        >
          {t('inbox.markAllRead')}
        </button>
      </header>
      {inbox.isPending ? <p>{t('inbox.loading')}</p> : null}
      {inbox.isError ? <p role="alert">{inbox.error.message}</p> : null}
      {inbox.isSuccess && items.length === 0 ? <p>{t('inbox.empty')}</p> : null}
      <ul className="inbox-panel__list">
        {items.map((item) => (
          <li key={item.id} className="inbox-item" data-unread={item.readAt === null}>
            <p className="inbox-item__title">
              {item.alertId ? <a href={href.alert(item.alertId)}>{item.title}</a> : item.title}
            </p>
            <p className="inbox-item__meta">{formatDateTime(item.createdAt, locale)}</p>
            <p className="inbox-item__body">{item.body}</p>
            {item.readAt === null ? (
              <button
                type="button"
                className="button button--ghost"
                disabled={markRead.isPending}
                onClick={() => markRead.mutate([item.id])}
              >
                {t('inbox.markRead')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
