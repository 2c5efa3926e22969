import type { AlertRuleView, CreateAlertRuleInput, RuleChannel } from '@fleet/telemetry/api/alert-rules';
import type { AlertSeverity } from '@fleet/telemetry/api/alerts';
import type { UserRole } from '@fleet/telemetry/api/users';
import type { CauseCode } from '@fleet/telemetry/causes';
import { ApiError } from '../../../lib/api-client';

/** A rule as the form edits it: lists of words as typed text, the order as typed digits. */
export interface RuleDraft {
  name: string;
  enabled: boolean;
  position: string;
  codes: CauseCode[];
  minSeverity: AlertSeverity;
  regions: string;
  merchantIds: string;
  mccMncs: string;
  roles: UserRole[];
  userIds: string[];
  webhookUrls: string;
  channels: RuleChannel[];
  stopAfterMatch: boolean;
}

export type DraftField = keyof RuleDraft;

export function draftOf(rule?: AlertRuleView): RuleDraft {
  return {
    name: rule?.name ?? '',
    enabled: rule?.enabled ?? true,
    position: rule ? String(rule.position) : '',
    codes: rule?.match.codes ?? [],
    minSeverity: rule?.match.minSeverity ?? 'warning',
    regions: rule?.match.regions.join(', ') ?? '',
    merchantIds: rule?.match.merchantIds.join(', ') ?? '',
    mccMncs: rule?.match.mccMncs.join(', ') ?? '',
    roles: rule?.targets.roles ?? [],
    userIds: rule?.targets.userIds ?? [],
    webhookUrls: rule?.targets.webhookUrls.join(', ') ?? '',
    channels: rule?.channels ?? ['email', 'in_app'],
    stopAfterMatch: rule?.stopAfterMatch ?? false,
  };
}

/** `a, b，c` (a Chinese comma too) or one per line, as a list without blanks. */
const words = (text: string) => text.split(/[\s,，]+/).filter((word) => word.length > 0);

/** The body of `POST` (and, whole, of `PATCH`); an empty order is left to the server. */
export function inputOf(draft: RuleDraft): CreateAlertRuleInput {
  const position = draft.position.trim();
  return {
    name: draft.name.trim(),
    enabled: draft.enabled,
    ...(position === '' ? {} : { position: Number(position) }),
    match: {
      codes: draft.codes,
      minSeverity: draft.minSeverity,
      regions: words(draft.regions),
      merchantIds: words(draft.merchantIds),
      mccMncs: words(draft.mccMncs),
    },
    targets: { roles: draft.roles, userIds: draft.userIds, webhookUrls: words(draft.webhookUrls) },
    channels: draft.channels,
    stopAfterMatch: draft.stopAfterMatch,
  };
}

/** Where the form shows an API field: `match.codes.1` at causes, `targets` (nobody named) at roles. */
export function draftFieldOf(apiField: string): DraftField | undefined {
  const [head, second] = apiField.split('.');
  if (head === 'match' || (head === 'targets' && second !== undefined)) return fieldNamed(second);
  if (head === 'targets') return 'roles';
  return fieldNamed(head);
}

const FIELDS: readonly DraftField[] = Object.keys(draftOf()) as DraftField[];

function fieldNamed(name: string | undefined): DraftField | undefined {
  return FIELDS.find((field) => field === name);
}

export interface RuleFormErrors {
  byField: Partial<Record<DraftField, string>>;
  /** What no field shows: a network failure, a 404, a `(root)` issue. */
  general?: string;
}

/** The API's 400 spread over the form, first message per field. */
export function ruleFormErrors(error: unknown): RuleFormErrors {
  if (!error) return { byField: {} };
  if (!(error instanceof ApiError)) return { byField: {}, general: String(error) };
  const byField: Partial<Record<DraftField, string>> = {};
  const rest: string[] = [];
  for (const { field, message } of error.fields) {
    const at = draftFieldOf(field);
    if (at) byField[at] ??= message;
    else rest.push(`${field}: ${message}`);
  }
  return {
    byField,
    general: rest.length > 0 || error.fields.length === 0 ? rest.join('; ') || error.message : undefined,
  };
}
