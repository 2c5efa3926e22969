import type { RuleChannel, RuleMatch, RuleTargets } from '@fleet/telemetry/api/alert-rules';
import { ALERT_SEVERITIES, type AlertSeverity } from '@fleet/telemetry/api/alerts';
import type { UserNotificationChannel } from '@fleet/telemetry/api/notifications';
import type { UserRole } from '@fleet/telemetry/api/users';
import type { CauseCode } from '@fleet/telemetry/causes';
import type { AlertRecipient } from '../alert-notifier';

/** An enabled rule as routing reads it. */
export interface RoutingRule {
  id: string;
  name: string;
  match: RuleMatch;
  targets: RuleTargets;
  channels: readonly RuleChannel[];
  stopAfterMatch: boolean;
}

/** What rules match an alert on. An incident alert has no terminal or merchant. */
export interface RoutedAlert {
  code: CauseCode;
  severity: AlertSeverity;
  terminalId?: string;
  region?: string;
  merchantId?: string;
  mccMnc?: string;
}

/** A user a rule may reach, with the scope that still limits what they are told. */
export interface RoutableUser {
  id: string;
  role: UserRole;
  regions: readonly string[];
  merchantIds: readonly string[];
}

/** Most severe first: a lower index is more severe. */
const RANK = new Map(ALERT_SEVERITIES.map((severity, index) => [severity, index]));
const USER_CHANNELS: readonly UserNotificationChannel[] = ['email', 'sms', 'in_app'];

/** An empty list matches anything; otherwise the alert's value must be in it (a missing value is not). */
const listHolds = (list: readonly string[], value: string | undefined) =>
  list.length === 0 || (value !== undefined && list.includes(value));

/** Every condition of the rule holds for the alert: cause, severity floor, region, merchant, carrier. */
export function ruleMatches(match: RuleMatch, alert: RoutedAlert): boolean {
  return (
    listHolds(match.codes, alert.code) &&
    RANK.get(alert.severity)! <= RANK.get(match.minSeverity)! &&
    listHolds(match.regions, alert.region) &&
    listHolds(match.merchantIds, alert.merchantId) &&
    listHolds(match.mccMncs, alert.mccMnc)
  );
}

/** The rules (already in order) that apply to the alert, up to and with the first matching stop rule. */
export function matchingRules(rules: readonly RoutingRule[], alert: RoutedAlert): RoutingRule[] {
  const matched: RoutingRule[] = [];
  for (const rule of rules) {
    if (!ruleMatches(rule.match, alert)) continue;
    matched.push(rule);
    if (rule.stopAfterMatch) break;
  }
  return matched;
}

/**
 * Whether the alert lies in the user's own scope: support and admins see the whole fleet,
 * a technician its regions, an account manager its merchants' terminals (an incident is
 * not one merchant's).
 */
export function withinScope(user: RoutableUser, alert: RoutedAlert): boolean {
  switch (user.role) {
    case 'admin':
    case 'support':
      return true;
    case 'technician':
      return alert.region !== undefined && user.regions.includes(alert.region);
    case 'account_manager':
      return (
        alert.terminalId !== undefined &&
        alert.merchantId !== undefined &&
        user.merchantIds.includes(alert.merchantId)
      );
  }
}

/** Roles and user ids the matched rules name, to read just those users. */
export function targetedBy(rules: readonly RoutingRule[]): { roles: UserRole[]; userIds: string[] } {
  return {
    roles: [...new Set(rules.flatMap((rule) => rule.targets.roles))],
    userIds: [...new Set(rules.flatMap((rule) => rule.targets.userIds))],
  };
}

/**
 * Who the matched rules tell, and on which channels: each user named by a rule (by role or
 * id) and within their scope, on the union of those rules' channels; each webhook URL of a
 * rule with the webhook channel, once.
 */
export function recipientsOf(
  rules: readonly RoutingRule[],
  users: readonly RoutableUser[],
  alert: RoutedAlert,
): AlertRecipient[] {
  const people = users.flatMap((user): AlertRecipient[] => {
    if (!withinScope(user, alert)) return [];
    const naming = rules.filter(
      (rule) => rule.targets.roles.includes(user.role) || rule.targets.userIds.includes(user.id),
    );
    const channels = USER_CHANNELS.filter((channel) =>
      naming.some((rule) => rule.channels.includes(channel)),
    );
    return channels.length === 0 ? [] : [{ kind: 'user', userId: user.id, channels }];
  });
  const urls = new Set(
    rules.filter((rule) => rule.channels.includes('webhook')).flatMap((rule) => rule.targets.webhookUrls),
  );
  return [...people, ...[...urls].map((url): AlertRecipient => ({ kind: 'webhook', url }))];
}
