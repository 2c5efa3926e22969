import { OnlineBadge } from '../../../components/online-badge';
import { riskLevel } from '../../../lib/risk-level';
import { formatTimeAgo } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';
import type { TerminalListItem } from '../api/get-terminals';

export function TerminalsTable({ terminals, now }: { terminals: readonly TerminalListItem[]; now: number }) {
  const { t, locale } = useI18n();
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
          {terminals.map((terminal) => (
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
                <OnlineBadge online={terminal.online} />
              </td>
              <td title={terminal.lastSeenAt ?? undefined}>
                {formatTimeAgo(terminal.lastSeenAt, now, locale, t('time.never'))}
              </td>
              <td className="table__num">
                <span className={`risk risk--${riskLevel(terminal.riskScore)}`}>
                  {Math.round(terminal.riskScore)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
