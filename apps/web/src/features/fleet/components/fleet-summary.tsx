import { formatCount, formatShare } from '../../../lib/format';
import type { TerminalPage } from '../api/get-terminals';
import { StatCard } from './stat-card';

/**
 * Headline numbers. The list endpoint gives the fleet total but only one page of rows,
 * so online and unregistered counts say plainly when they cover the listed page only.
 */
export function FleetSummary({ page }: { page: TerminalPage }) {
  const listed = page.items.length;
  const online = page.items.filter((t) => t.online).length;
  const unregistered = page.items.filter((t) => !t.registered).length;
  const partial = listed < page.total;
  const scope = partial ? ` (first ${formatCount(listed)} listed)` : '';

  return (
    <div className="stat-grid">
      <StatCard label="Total terminals" value={formatCount(page.total)} detail="known to the platform" />
      <StatCard
        label="Online"
        value={formatShare(online, listed)}
        detail={`${formatCount(online)} of ${formatCount(listed)} online${scope}`}
        tone={listed > 0 && online === listed ? 'good' : 'neutral'}
      />
      <StatCard
        label="Unregistered"
        value={formatCount(unregistered)}
        detail={`publishing, not yet imported${scope}`}
        tone={unregistered > 0 ? 'warn' : 'neutral'}
      />
    </div>
  );
}
