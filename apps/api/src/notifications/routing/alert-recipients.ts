import { Injectable } from '@nestjs/common';
import type { AlertView } from '@fleet/telemetry/api/alerts';
import type { AlertRecipient } from '../alert-notifier';
import { RecipientsRepository } from '../recipients.repository';
import { matchingRules, recipientsOf, targetedBy, type RoutedAlert } from './rule-matching';
import { RoutingRulesCache } from './routing-rules.cache';
import { RoutingRulesRepository } from './routing-rules.repository';

/**
 * Who an alert concerns, by the routing rules: the enabled users the matching rules name,
 * each within their own scope and on the channels those rules allow, and the rules'
 * webhooks. Used for an alert's changes and for escalation level 1.
 */
@Injectable()
export class AlertRecipients {
  constructor(
    private readonly rules: RoutingRulesCache,
    private readonly routingRules: RoutingRulesRepository,
    private readonly users: RecipientsRepository,
  ) {}

  async of(alert: AlertView): Promise<AlertRecipient[]> {
    return (await this.ofMany([alert]))[0]!;
  }

  /** The recipients of each alert, in order; the rules and the users they name are read once. */
  async ofMany(alerts: readonly AlertView[]): Promise<AlertRecipient[][]> {
    const rules = await this.rules.enabled();
    const carrierMatters = rules.some((rule) => rule.match.mccMncs.length > 0);
    const routed: RoutedAlert[] = [];
    for (const alert of alerts) routed.push(await this.routedAlert(alert, carrierMatters));
    const matched = routed.map((alert) => matchingRules(rules, alert));
    const { roles, userIds } = targetedBy(matched.flat());
    const users = roles.length + userIds.length === 0 ? [] : await this.users.routable(roles, userIds);
    return matched.map((rulesOf, i) =>
      rulesOf.length === 0 ? [] : recipientsOf(rulesOf, users, routed[i]!),
    );
  }

  /** The alert as rules match it; a terminal's carrier is read only when some rule asks for one. */
  private async routedAlert(alert: AlertView, carrierMatters: boolean): Promise<RoutedAlert> {
    const { code, severity, terminalId, region, merchantId } = alert;
    const mccMnc =
      alert.mccMnc ??
      (carrierMatters && terminalId !== undefined
        ? await this.routingRules.terminalMccMnc(terminalId)
        : undefined);
    return { code, severity, terminalId, region, merchantId, mccMnc };
  }
}
