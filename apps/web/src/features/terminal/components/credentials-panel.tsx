import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useIssueCredentials } from '../api/issue-credentials';

/** Admin only: issue or rotate the terminal's MQTT secret; the answer is shown once, here. */
export function CredentialsPanel({ terminalId }: { terminalId: string }) {
  const { t } = useI18n();
  const issue = useIssueCredentials();
  return (
    <section className="panel" aria-label={t('credentials.title')}>
      <h2 className="panel__title">{t('credentials.title')}</h2>
      <p className="muted">{t('credentials.explain')}</p>
      <button
        type="button"
        className="button button--secondary"
        disabled={issue.isPending}
        onClick={() => issue.mutate(terminalId)}
      >
        {t('credentials.issue')}
      </button>
      {issue.data ? (
        <p className="credentials__secret">
          {t('credentials.once')} <code>{issue.data.password}</code>
        </p>
      ) : null}
      {issue.isError ? <p role="alert">{issue.error.message}</p> : null}
    </section>
  );
}
