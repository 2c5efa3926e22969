import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n/i18n-provider';

const TONES = { online: 'badge--good', offline: 'badge--bad', unknown: 'badge--muted' } as const;

/** Online, offline, or unknown before a terminal's first status message; `children` follow the word. */
export function OnlineBadge({ online, children }: { online: boolean | null; children?: ReactNode }) {
  const { t } = useI18n();
  const state = online === null ? 'unknown' : online ? 'online' : 'offline';
  return (
    <span className={`badge ${TONES[state]}`}>
      {t(`state.${state}`)}
      {children}
    </span>
  );
}
