import type { AlertRuleView } from '@fleet/telemetry/api/alert-rules';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { whenOf, whoOf } from './rule-summary';

interface AlertRulesTableProps {
  rules: readonly AlertRuleView[];
  /** Admins get the edit, enable/disable and delete buttons; support reads. */
  canManage: boolean;
  /** Set while a change to that rule is on its way, so its buttons wait. */
  busyId?: string;
  onEdit: (rule: AlertRuleView) => void;
  onSetEnabled: (rule: AlertRuleView, enabled: boolean) => void;
  onDelete: (rule: AlertRuleView) => void;
}

/** The rules in the order routing reads them. */
export function AlertRulesTable({
  rules,
  canManage,
  busyId,
  onEdit,
  onSetEnabled,
  onDelete,
}: AlertRulesTableProps) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="table" aria-label={t('rules.title')}>
        <thead>
          <tr>
            <th scope="col">{t('rules.position')}</th>
            <th scope="col">{t('rules.name')}</th>
            <th scope="col">{t('rules.when')}</th>
            <th scope="col">{t('rules.who')}</th>
            <th scope="col">{t('rules.channels')}</th>
            <th scope="col">{t('rules.status')}</th>
            {canManage ? <th scope="col">{t('rules.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.id} className={rule.enabled ? undefined : 'alert-rules__row--disabled'}>
              <td>{rule.position}</td>
              <th scope="row">
                {rule.name}
                {rule.builtIn ? <span className="alert-rules__tag">{t('rules.builtIn')}</span> : null}
              </th>
              <td>{whenOf(rule, t)}</td>
              <td>{whoOf(rule, t)}</td>
              <td>{rule.channels.map((channel) => t(`rules.channel.${channel}`)).join(', ')}</td>
              <td>
                {rule.enabled ? t('rules.enabled') : t('rules.disabled')}
                {rule.stopAfterMatch ? ` · ${t('rules.stops')}` : ''}
              </td>
              {canManage ? (
                <td>
                  <div className="users-table__actions">
                    <button type="button" className="button button--secondary" onClick={() => onEdit(rule)}>
                      {t('rules.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={busyId === rule.id}
                      onClick={() => onSetEnabled(rule, !rule.enabled)}
                    >
                      {rule.enabled ? t('rules.disable') : t('rules.enable')}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={busyId === rule.id}
                      onClick={() => onDelete(rule)}
                    >
                      {t('rules.delete')}
                    </button>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
