import { formatTimeAgo } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';
import type { TerminalListItem } from '../api/get-terminals';

type Tone = 'badge--good' | 'badge--bad' | 'badge--muted';

function riskTone(score: number): string {
  if (score >= 70) return 'risk--high';
  if (score >= 40) return 'risk--medium';
  return 'risk--low';
}

export function TerminalsTable({ terminals, now }: { terminals: readonly TerminalListItem[]; now: number }) {
  const { t, locale } = useI18n();
  const onlineBadge = (online: boolean | null): { label: string; tone: Tone } => {
    if (online === null) return { label: t('state.unknown'), tone: 'badge--muted' };
    return online
      ? { label: t('state.online'), tone: 'badge--good' }
      : { label: t('state.offline'), tone: 'badge--bad' };
  };
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('table.terminal')}</th>
            <th scope="col">{t('table.merchant')}</th>
            <th scope="col">{t('table.region')}</th>
            <th scope="col">{t('table.link')}</th>
            <th scope="col">{t('table.status')}</th>
            <th scope="col">{t('table.lastSeen')}</th>
            <th scope="col" className="table__num">
              {t('table.risk')}
            </th>
          </tr>
        </thead>
        <tbody>
          {terminals.map((terminal) => {
            const status = onlineBadge(terminal.online);
            return (
              <tr key={terminal.terminalId}>
                <td className="table__mono">
                  <a href={href.terminal(terminal.terminalId)}>{terminal.terminalId}</a>
                  {terminal.registered ? null : (
                    <span className="badge badge--warn">{t('state.unregistered')}</span>
                  )}
                </td>
                <td>{terminal.merchantName ?? '—'}</td>
                <td>{terminal.region ?? '—'}</td>
                <td>{terminal.comm ?? '—'}</td>
                <td>
                  <span className={`badge ${status.tone}`}>{status.label}</span>
                </td>
                <td title={terminal.lastSeenAt ?? undefined}>
                  {formatTimeAgo(terminal.lastSeenAt, now, locale, t('time.never'))}
                </td>
                <td className="table__num">
                  <span className={`risk ${riskTone(terminal.riskScore)}`}>
                    {Math.round(terminal.riskScore)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
