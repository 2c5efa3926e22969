import type { AlertRuleView } from '@fleet/telemetry/api/alert-rules';
import { StatusPanel } from '../../../components/status-panel';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { usePanel } from '../../../lib/use-panel';
import { useDeleteAlertRule } from '../api/delete-alert-rule';
import { useAlertRules } from '../api/get-alert-rules';
import { useUpdateAlertRule } from '../api/update-alert-rule';
import { AlertRuleForm } from './alert-rule-form';
import { AlertRulesTable } from './alert-rules-table';

type Panel = { kind: 'create' } | { kind: 'edit'; rule: AlertRuleView };

/** Who is told of which alert: the routing rules, listed for admins and support, changed by admins. */
export function AlertRulesPage({ canManage }: { canManage: boolean }) {
  const { t } = useI18n();
  const rules = useAlertRules();
  const toggle = useUpdateAlertRule();
  const remove = useDeleteAlertRule();
  const { panel, notice, setNotice, open, close } = usePanel<Panel>();
  const failure = toggle.error ?? remove.error;
  const busyId = toggle.isPending ? toggle.variables.id : remove.isPending ? remove.variables : undefined;

  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page-title">{t('rules.title')}</h1>
        {canManage ? (
          <button type="button" className="button" onClick={() => open({ kind: 'create' })}>
            {t('rules.new')}
          </button>
        ) : null}
      </header>
      <p className="alert-rules__intro">{t('rules.intro')}</p>
      {canManage ? null : <p className="field__hint">{t('rules.readOnly')}</p>}
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {failure ? (
        <p role="alert" className="form-error">
          {failure.message}
        </p>
      ) : null}
      {panel?.kind === 'create' ? (
        <AlertRuleForm onDone={(name) => close(t('rules.created', { name }))} onCancel={() => close()} />
      ) : panel?.kind === 'edit' ? (
        <AlertRuleForm
          key={panel.rule.id}
          rule={panel.rule}
          onDone={(name) => close(t('rules.saved', { name }))}
          onCancel={() => close()}
        />
      ) : null}
      {rules.isPending ? (
        <StatusPanel tone="loading" title={t('rules.loading')} />
      ) : rules.isError ? (
        <StatusPanel tone="error" title={t('rules.failed')}>
          <p>{rules.error.message}</p>
        </StatusPanel>
      ) : rules.data.items.length === 0 ? (
        <StatusPanel tone="empty" title={t('rules.empty')} />
      ) : (
        <AlertRulesTable
          rules={rules.data.items}
          canManage={canManage}
          busyId={busyId}
          onEdit={(rule) => open({ kind: 'edit', rule })}
          onSetEnabled={(rule, enabled) => {
            setNotice(undefined);
            toggle.mutate({ id: rule.id, patch: { enabled } });
          }}
          onDelete={(rule) => {
            if (!window.confirm(t('rules.confirmDelete', { name: rule.name }))) return;
            remove.mutate(rule.id, { onSuccess: () => close(t('rules.deleted', { name: rule.name })) });
          }}
        />
      )}
    </div>
  );
}
