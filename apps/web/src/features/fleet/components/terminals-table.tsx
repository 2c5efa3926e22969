import { formatTimeAgo } from '../../../lib/format';
import type { TerminalListItem } from '../api/get-terminals';

function onlineBadge(online: boolean | null): { label: string; tone: string } {
  if (online === null) return { label: 'no status yet', tone: 'badge--muted' };
  return online ? { label: 'online', tone: 'badge--good' } : { label: 'offline', tone: 'badge--bad' };
}

function riskTone(score: number): string {
  if (score >= 70) return 'risk--high';
  if (score >= 40) return 'risk--medium';
  return 'risk--low';
}

export function TerminalsTable({ terminals, now }: { terminals: readonly TerminalListItem[]; now: number }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Terminal</th>
            <th scope="col">Merchant</th>
            <th scope="col">Region</th>
            <th scope="col">Link</th>
            <th scope="col">Status</th>
            <th scope="col">Last seen</th>
            <th scope="col" className="table__num">
              Risk
            </th>
          </tr>
        </thead>
        <tbody>
          {terminals.map((t) => {
            const status = onlineBadge(t.online);
            return (
              <tr key={t.terminalId}>
                <td className="table__mono">
                  {t.terminalId}
                  {t.registered ? null : <span className="badge badge--warn">unregistered</span>}
                </td>
                <td>{t.merchantName ?? '—'}</td>
                <td>{t.region ?? '—'}</td>
                <td>{t.comm ?? '—'}</td>
                <td>
                  <span className={`badge ${status.tone}`}>{status.label}</span>
                </td>
                <td title={t.lastSeenAt ?? undefined}>{formatTimeAgo(t.lastSeenAt, now)}</td>
                <td className="table__num">
                  <span className={`risk ${riskTone(t.riskScore)}`}>{Math.round(t.riskScore)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
