import { useI18n } from '../../../lib/i18n/i18n-provider';
import { usePushSubscription } from '../hooks/use-push-subscription';

/** Turns on web push for new and changed jobs; says plainly when this browser cannot. */
export function PushToggle() {
  const { t } = useI18n();
  const push = usePushSubscription();
  switch (push.state) {
    case 'checking':
      return null;
    case 'on':
      return <p className="tech-push tech-push--on">{t('tech.pushOn')}</p>;
    case 'unsupported':
      return <p className="tech-push">{t('tech.pushUnsupported')}</p>;
    case 'denied':
      return <p className="tech-push">{t('tech.pushDenied')}</p>;
    case 'off':
    case 'failed':
      return (
        <div className="tech-push">
          <button type="button" className="button tech-touch" onClick={() => void push.enable()}>
            {t('tech.pushEnable')}
          </button>
          {push.state === 'failed' ? (
            <p role="alert">{t('tech.pushFailed', { message: push.error ?? '' })}</p>
          ) : null}
        </div>
      );
  }
}
