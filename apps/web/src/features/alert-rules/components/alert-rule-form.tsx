import { useId, useState, type FormEvent } from 'react';
import { RULE_CHANNELS, type AlertRuleView } from '@fleet/telemetry/api/alert-rules';
import { ALERT_SEVERITIES, type AlertSeverity } from '@fleet/telemetry/api/alerts';
import { USER_ROLES } from '@fleet/telemetry/api/users';
import { CAUSE_CODES } from '@fleet/telemetry/causes';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useCreateAlertRule } from '../api/create-alert-rule';
import { useUpdateAlertRule } from '../api/update-alert-rule';
import { useUserChoices } from '../api/get-user-choices';
import { draftOf, inputOf, ruleFormErrors, type RuleDraft } from './rule-draft';
import { RuleChoices, RuleInput, RuleToggle } from './rule-fields';

interface AlertRuleFormProps {
  /** Absent: a new rule; present: that rule's edit form. */
  rule?: AlertRuleView;
  onDone: (name: string) => void;
  onCancel: () => void;
}

/** Creates a rule or edits one (the whole rule is sent); the API's 400 stands at each field. */
export function AlertRuleForm({ rule, onDone, onCancel }: AlertRuleFormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => draftOf(rule));
  const create = useCreateAlertRule();
  const update = useUpdateAlertRule();
  const users = useUserChoices(true);
  const mutation = rule ? update : create;
  const errors = ruleFormErrors(mutation.error);
  const severityId = useId();
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: 'name' | 'position' | 'regions' | 'merchantIds' | 'mccMncs' | 'webhookUrls') => ({
    value: draft[key],
    onChange: (value: string) => set(key, value),
    error: errors.byField[key],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = (saved: AlertRuleView) => onDone(saved.name);
    const input = inputOf(draft);
    if (rule) update.mutate({ id: rule.id, patch: input }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };

  const title = rule ? t('rules.editTitle', { name: rule.name }) : t('rules.createTitle');
  const userIds = users.data?.items.map((user) => user.id) ?? draft.userIds;
  const username = (id: string) => users.data?.items.find((user) => user.id === id)?.username ?? id;
  return (
    <form className="panel user-form" onSubmit={submit} aria-label={title} noValidate>
      <h2 className="panel__title">{title}</h2>
      <div className="user-form__grid">
        <RuleInput label={t('rules.name')} {...text('name')} />
        <RuleInput
          label={t('rules.position')}
          hint={t('rules.positionHint')}
          inputMode="numeric"
          {...text('position')}
        />
        <RuleToggle
          label={t('rules.enabledField')}
          checked={draft.enabled}
          onChange={(on) => set('enabled', on)}
        />
        <RuleToggle
          label={t('rules.stopAfterMatch')}
          checked={draft.stopAfterMatch}
          onChange={(on) => set('stopAfterMatch', on)}
          error={errors.byField.stopAfterMatch}
        />
      </div>
      <RuleChoices
        legend={t('rules.codes')}
        hint={t('rules.codesHint')}
        options={CAUSE_CODES}
        chosen={draft.codes}
        optionLabel={(code) => t(`cause.${code}`)}
        onChange={(codes) => set('codes', codes)}
        error={errors.byField.codes}
      />
      <div className="user-form__grid">
        <div className={errors.byField.minSeverity ? 'field field--invalid' : 'field'}>
          <label htmlFor={severityId}>{t('rules.minSeverity')}</label>
          <select
            id={severityId}
            value={draft.minSeverity}
            onChange={(event) => set('minSeverity', event.target.value as AlertSeverity)}
          >
            {ALERT_SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {t('rules.severityFrom', { severity: t(`alerts.severity.${severity}`) })}
              </option>
            ))}
          </select>
        </div>
        <RuleInput label={t('rules.regions')} hint={t('rules.listHint')} {...text('regions')} />
        <RuleInput label={t('rules.merchantIds')} hint={t('rules.listHint')} {...text('merchantIds')} />
        <RuleInput label={t('rules.mccMncs')} hint={t('rules.listHint')} {...text('mccMncs')} />
      </div>
      <RuleChoices
        legend={t('rules.roles')}
        options={USER_ROLES}
        chosen={draft.roles}
        optionLabel={(role) => t(`role.${role}`)}
        onChange={(roles) => set('roles', roles)}
        error={errors.byField.roles}
      />
      <RuleChoices
        legend={t('rules.users')}
        hint={t('rules.usersHint')}
        options={userIds}
        chosen={draft.userIds}
        optionLabel={username}
        onChange={(ids) => set('userIds', ids)}
        error={errors.byField.userIds}
      />
      <RuleChoices
        legend={t('rules.channels')}
        options={RULE_CHANNELS}
        chosen={draft.channels}
        optionLabel={(channel) => t(`rules.channel.${channel}`)}
        onChange={(channels) => set('channels', channels)}
        error={errors.byField.channels}
      />
      <RuleInput
        label={t('rules.webhookUrls')}
        hint={t('rules.webhookHint')}
        inputMode="url"
        {...text('webhookUrls')}
      />
      {errors.general ? (
        <p role="alert" className="form-error">
          {errors.general}
        </p>
      ) : null}
      <div className="user-form__actions">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {mutation.isPending ? t('rules.saving') : rule ? t('rules.save') : t('rules.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('rules.cancel')}
        </button>
      </div>
    </form>
  );
}
