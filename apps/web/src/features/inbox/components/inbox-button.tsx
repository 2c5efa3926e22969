import { useState } from 'react';
import { CountBadge } from '../../../components/count-badge';
import { formatCount } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useUnreadCount } from '../api/get-unread-count';
import { InboxPanel } from './inbox-panel';

/** The header's inbox: the unread count (kept live by `inbox.changed`), opening the panel. */
export function InboxButton() {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const count = useUnreadCount().data?.unreadCount;
  const label =
    count === undefined ? t('inbox.title') : t('inbox.unreadCount', { n: formatCount(count, locale) });
  return (
    <div className="inbox">
      <button
        type="button"
        className="bell"
        aria-label={label}
        title={label}
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        <svg className="bell__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path fill="currentColor" d="M3 5h18v14H3V5Zm2 2v1.5l7 4.5 7-4.5V7H5Zm0 4v6h14v-6l-7 4.5L5 11Z" />
        </svg>
        <CountBadge count={count} locale={locale} />
      </button>
      {open ? <InboxPanel /> : null}
    </div>
  );
}
