import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { TechSync } from '../hooks/use-tech-sync';

/** "Offline, 2 changes waiting": what the phone holds back, and what the server refused. */
export function OfflineBanner({ sync }: { sync: TechSync }) {
  const { t } = useI18n();
  const count = sync.pending.length;
  const waiting = count === 1 ? t('tech.waitingOne') : t('tech.waiting', { count });
  return (
    <>
      {!sync.online || count > 0 ? (
        <p
          className={`tech-banner ${sync.online ? '' : 'tech-banner--offline'}`}
          role="status"
          data-testid="sync-status"
        >
          {[!sync.online ? t('tech.offline') : undefined, count > 0 ? waiting : undefined]
            .filter(Boolean)
            .join(', ')}
          {sync.online && sync.syncing && count > 0 ? ` · ${t('tech.syncing')}` : null}
        </p>
      ) : null}
      {sync.refused.length > 0 ? (
        <div className="tech-banner tech-banner--refused" role="alert">
          {sync.refused.map((refusal) => (
            <p key={refusal.transition.clientId}>
              {t('tech.refused', {
                to: t(`wo.action.${refusal.transition.to}`),
                terminal: refusal.transition.workOrderId,
                message: refusal.message,
              })}
            </p>
          ))}
          <button type="button" className="button button--secondary tech-touch" onClick={sync.dismissRefused}>
            {t('tech.dismiss')}
          </button>
        </div>
      ) : null}
    </>
  );
}
