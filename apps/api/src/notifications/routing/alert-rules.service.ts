import { Inject, Injectable } from '@nestjs/common';
import {
  alertRuleRulesSchema,
  type AlertRulesResponse,
  type AlertRuleView,
  type CreateAlertRuleInput,
  type UpdateAlertRuleInput,
} from '@fleet/telemetry/api/alert-rules';
import { AuditService } from '../../audit/audit.service';
import { NotFoundError, ValidationError } from '../../common/errors/domain-error';
import { parseOrThrow } from '../../common/errors/zod-fields';
import { NOTIFICATION_CLOCK, type Clock } from '../notification-options';
import { RecipientsRepository } from '../recipients.repository';
import { alertRuleView } from './alert-rule-view';
import { RoutingRulesCache } from './routing-rules.cache';
import {
  RoutingRulesRepository,
  type RoutingRuleFields,
  type RoutingRuleRow,
} from './routing-rules.repository';

/**
 * Routing rules as admins make, change and delete them: each change audited
 * (`alert_rule.created`, `.updated`, `.deleted`) and the routing's cache dropped at once.
 */
@Injectable()
export class AlertRulesService {
  constructor(
    private readonly repository: RoutingRulesRepository,
    private readonly users: RecipientsRepository,
    private readonly cache: RoutingRulesCache,
    private readonly audit: AuditService,
    @Inject(NOTIFICATION_CLOCK) private readonly clock: Clock,
  ) {}

  async list(): Promise<AlertRulesResponse> {
    return { items: (await this.repository.list()).map(alertRuleView) };
  }

  async get(id: string): Promise<AlertRuleView> {
    return alertRuleView(await this.existing(id));
  }

  async create(by: string, input: CreateAlertRuleInput): Promise<AlertRuleView> {
    await this.checkUsers(input.targets.userIds);
    const fields: RoutingRuleFields = {
      name: input.name,
      enabled: input.enabled ?? true,
      position: input.position ?? (await this.repository.nextPosition()),
      match: input.match,
      targets: input.targets,
      channels: input.channels,
      stop_after_match: input.stopAfterMatch ?? false,
    };
    const row = await this.repository.insert(fields, by, new Date(this.clock.now()));
    this.cache.invalidate();
    const view = alertRuleView(row);
    await this.audit.record(by, 'alert_rule.created', `alert_rule:${row.id}`, auditable(view));
    return view;
  }

  async update(by: string, id: string, patch: UpdateAlertRuleInput): Promise<AlertRuleView> {
    const before = await this.existing(id);
    const fields: RoutingRuleFields = {
      name: patch.name ?? before.name,
      enabled: patch.enabled ?? before.enabled,
      position: patch.position ?? before.position,
      match: patch.match ?? before.match,
      targets: patch.targets ?? before.targets,
      channels: patch.channels ?? before.channels,
      stop_after_match: patch.stopAfterMatch ?? before.stop_after_match,
    };
    // Targets and channels are checked together: a patch may change one of them only.
    parseOrThrow(alertRuleRulesSchema, { targets: fields.targets, channels: fields.channels });
    if (patch.targets) await this.checkUsers(patch.targets.userIds);
    const row = await this.repository.update(id, fields, by, new Date(this.clock.now()));
    if (row === undefined) throw notFound(id);
    this.cache.invalidate();
    const view = alertRuleView(row);
    await this.audit.record(by, 'alert_rule.updated', `alert_rule:${id}`, {
      changed: Object.keys(patch).sort(),
      ...auditable(view),
    });
    return view;
  }

  async delete(by: string, id: string): Promise<AlertRuleView> {
    const row = await this.repository.delete(id);
    if (row === undefined) throw notFound(id);
    this.cache.invalidate();
    const view = alertRuleView(row);
    await this.audit.record(by, 'alert_rule.deleted', `alert_rule:${id}`, auditable(view));
    return view;
  }

  private async existing(id: string): Promise<RoutingRuleRow> {
    const row = await this.repository.find(id);
    if (row === undefined) throw notFound(id);
    return row;
  }

  /** A rule names only users that exist (a disabled one stays named, and is told nothing). */
  private async checkUsers(userIds: readonly string[]): Promise<void> {
    const known = await this.users.existing(userIds);
    const fields = userIds.flatMap((userId, index) =>
      known.has(userId) ? [] : [{ field: `targets.userIds.${index}`, message: 'no such user' }],
    );
    if (fields.length > 0) throw new ValidationError(fields);
  }
}

function notFound(id: string): NotFoundError {
  return new NotFoundError(`alert rule ${id} not found`);
}

/** What the audit keeps of a rule: all it says, none of its stamps. */
function auditable(view: AlertRuleView): Record<string, unknown> {
  const { name, enabled, position, match, targets, channels, stopAfterMatch } = view;
  return { name, enabled, position, match, targets, channels, stopAfterMatch };
}
