import type { AlertRuleView } from '@fleet/telemetry/api/alert-rules';
import type { Translate } from '../../../lib/i18n/translate';

/** The rule's conditions in words: causes, severity floor, and any scope filter. */
export function whenOf(rule: AlertRuleView, t: Translate): string {
  const { codes, minSeverity, regions, merchantIds, mccMncs } = rule.match;
  return [
    codes.length === 0 ? t('rules.anyCause') : codes.map((code) => t(`cause.${code}`)).join(', '),
    t('rules.severityFrom', { severity: t(`alerts.severity.${minSeverity}`) }),
    ...(regions.length > 0 ? [t('rules.inRegions', { list: regions.join(', ') })] : []),
    ...(merchantIds.length > 0 ? [t('rules.ofMerchants', { list: merchantIds.join(', ') })] : []),
    ...(mccMncs.length > 0 ? [t('rules.onCarriers', { list: mccMncs.join(', ') })] : []),
  ].join(' · ');
}

/** Who the rule tells: its roles, how many named users and webhooks. */
export function whoOf(rule: AlertRuleView, t: Translate): string {
  const { roles, userIds, webhookUrls } = rule.targets;
  return [
    ...roles.map((role) => t(`role.${role}`)),
    ...(userIds.length > 0 ? [t('rules.someUsers', { n: userIds.length })] : []),
    ...(webhookUrls.length > 0 ? [t('rules.someWebhooks', { n: webhookUrls.length })] : []),
  ].join(', ');
}
