import type { TerminalStateView } from '@fleet/telemetry/api/terminals';
import { formatDate, formatTimeAgo } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';

function num(reading: Record<string, unknown> | null, field: string): number | undefined {
  const value = reading?.[field];
  return typeof value === 'number' ? value : undefined;
}

function text(reading: Record<string, unknown> | null, field: string): string | undefined {
  const value = reading?.[field];
  return typeof value === 'string' ? value : undefined;
}

const PAPER_TONES: Record<string, string> = { ok: 'badge--good', low: 'badge--warn' };

/** The latest reading of each channel, as the terminal last reported it. */
export function CurrentReadings({ state, now }: { state: TerminalStateView; now: number }) {
  const { t, locale } = useI18n();
  const rsrp = num(state.signal, 'rsrpDbm');
  const csq = num(state.signal, 'csq');
  const balance = num(state.sim, 'dataBalanceMb');
  const paper = text(state.paper, 'status');
  const signalText =
    rsrp !== undefined
      ? `RSRP ${rsrp} dBm`
      : csq !== undefined && csq !== 99
        ? `CSQ ${csq}`
        : t('common.unknown');
  const rows: Array<[string, React.ReactNode]> = [
    [t('reading.lastSeen'), formatTimeAgo(state.lastSeenAt, now, locale, t('time.never'))],
    [t('reading.link'), [state.comm, text(state.signal, 'mccMnc')].filter(Boolean).join(' · ') || '—'],
    [t('reading.signal'), signalText],
    [t('reading.simBalance'), balance !== undefined ? `${balance} MB` : '—'],
    [t('reading.simExpires'), formatDate(text(state.sim, 'expiresAt'), locale)],
    [
      t('reading.paper'),
      paper ? (
        <span className={`badge ${PAPER_TONES[paper] ?? 'badge--bad'}`} data-testid="paper-status">
          {t(`paper.${paper}` as 'paper.ok')}
        </span>
      ) : (
        '—'
      ),
    ],
    [
      t('reading.battery'),
      num(state.heartbeat, 'batteryPct') !== undefined ? `${num(state.heartbeat, 'batteryPct')}%` : '—',
    ],
  ];
  return (
    <section className="panel" aria-label={t('terminal.now')}>
      <h2 className="panel__title">{t('terminal.now')}</h2>
      <dl className="readings">
        {rows.map(([label, value]) => (
          <div key={label} className="readings__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
