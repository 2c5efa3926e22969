import { formatCount } from '../lib/format';

/** The red number on a header button (the alerts bell, the inbox); nothing for zero. */
export function CountBadge({ count, locale }: { count: number | undefined; locale: string }) {
  if (!count) return null;
  return (
    <span className="bell__count" data-count={count}>
      {count > 99 ? '99+' : formatCount(count, locale)}
    </span>
  );
}
