import { formatTimeAgo } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { ContactMarker } from '../api/mark-contacted';
import { useMarkContacted } from '../api/mark-contacted';

interface ContactControlProps {
  terminalId: string;
  contact: ContactMarker | null | undefined;
  canContact: boolean;
  now: number;
}

/** "Merchant contacted" marker: who called and when, so a second agent does not call again. */
export function ContactControl({ terminalId, contact, canContact, now }: ContactControlProps) {
  const { t, locale } = useI18n();
  const mark = useMarkContacted();
  if (contact) {
    return (
      <p className="contact contact--done" title={contact.at}>
        {t('risk.contactedBy', { by: contact.by, when: formatTimeAgo(contact.at, now, locale) })}
        {contact.note ? <span className="contact__note"> · {contact.note}</span> : null}
      </p>
    );
  }
  if (!canContact) return <p className="contact">{t('risk.notContacted')}</p>;
  return (
    <div className="contact">
      <button
        type="button"
        className="button"
        disabled={mark.isPending}
        onClick={() => mark.mutate({ terminalId })}
      >
        {mark.isPending ? t('risk.marking') : t('risk.markContacted')}
      </button>
      {mark.isError ? (
        <span role="alert" className="contact__error">
          {t('risk.markFailed', { reason: mark.error.message })}
        </span>
      ) : null}
    </div>
  );
}
