import { useTerminalReadings } from '../../../api/get-terminal-readings';
import { formatTimeAgo } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';

function text(reading: Record<string, unknown> | null, field: string): string | undefined {
  const value = reading?.[field];
  return typeof value === 'number' || typeof value === 'string' ? String(value) : undefined;
}

/** The terminal's latest link, signal, SIM and paper, so the technician knows what they walk into. */
export function LastReadings({ terminalId }: { terminalId: string }) {
  const { t, locale } = useI18n();
  const readings = useTerminalReadings(terminalId);
  if (!readings.data) {
    return readings.isError ? <p className="tech-muted">{t('tech.readingsUnavailable')}</p> : null;
  }
  const { online, lastSeenAt, signal, sim, paper } = readings.data;
  const rssi = text(signal, 'rssiDbm');
  const balance = text(sim, 'dataBalanceMb');
  const rows: Array<[string, string | undefined]> = [
    [t('tech.readings'), online === null ? undefined : online ? t('tech.online') : t('tech.offlineTerminal')],
    [t('tech.lastSeen'), formatTimeAgo(lastSeenAt, Date.now(), locale)],
    [t('tech.signal'), rssi ? `${rssi} dBm ${text(signal, 'comm') ?? ''}`.trim() : undefined],
    [t('tech.simBalance'), balance ? `${balance} MB` : undefined],
    [t('tech.paper'), text(paper, 'status')],
  ];
  return (
    <dl className="tech-facts" data-testid="last-readings">
      {rows
        .filter((row): row is [string, string] => row[1] !== undefined)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
