import { z } from 'zod';
import { CAUSE_CODES } from '../causes';
import { ALERT_SEVERITIES } from './alerts';
import { USER_ROLES } from './users';

/**
 * Alert routing rules (issue #12): who is told of which alert, on which channels. Rules are
 * read in `position` order; every enabled rule that matches adds its targets, and one with
 * `stopAfterMatch` ends the walk. A person is still only told of alerts in their own scope
 * (a technician's regions, an account manager's merchants), whatever a rule says. One
 * definition for the API and the web.
 */

/** Every channel a rule may use: e-mail, SMS and the inbox reach users, webhooks reach endpoints. */
export const RULE_CHANNELS = ['email', 'sms', 'in_app', 'webhook'] as const;
export type RuleChannel = (typeof RULE_CHANNELS)[number];

const label = z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters');
const mccMnc = z.string().regex(/^\d{5,6}$/, 'must be 5 or 6 digits');
const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max, `at most ${max}`)
    .refine((list) => new Set(list).size === list.length, { message: 'lists a value twice' });

/** What an alert must be for the rule to apply; an empty list matches anything. */
export const ruleMatchSchema = z.strictObject({
  codes: unique(z.enum(CAUSE_CODES, { message: `one of ${CAUSE_CODES.join(', ')}` }), CAUSE_CODES.length),
  /** The least severe alert the rule applies to. */
  minSeverity: z.enum(ALERT_SEVERITIES, { message: `one of ${ALERT_SEVERITIES.join(', ')}` }),
  regions: unique(label, 200),
  merchantIds: unique(label, 500),
  /** The carrier (an incident's, or the terminal's latest). */
  mccMncs: unique(mccMnc, 50),
});
export type RuleMatch = z.infer<typeof ruleMatchSchema>;

/** Who the rule tells: everyone of these roles, these users, and these webhook endpoints. */
export const ruleTargetsSchema = z.strictObject({
  roles: unique(z.enum(USER_ROLES, { message: `one of ${USER_ROLES.join(', ')}` }), USER_ROLES.length),
  userIds: unique(z.uuid({ message: 'must be a user id (UUID)' }), 100),
  webhookUrls: unique(
    z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000, 'at most 2000 characters'),
    10,
  ),
});
export type RuleTargets = z.infer<typeof ruleTargetsSchema>;

const ruleFields = {
  name: label,
  enabled: z.boolean(),
  /** Lower first; ties by name. */
  position: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(100_000, 'at most 100000'),
  match: ruleMatchSchema,
  targets: ruleTargetsSchema,
  /** The channels the rule may use; each user's own preferences and quiet hours still apply. */
  channels: unique(z.enum(RULE_CHANNELS, { message: `one of ${RULE_CHANNELS.join(', ')}` }), 4).min(
    1,
    'choose at least one channel',
  ),
  /** Rules after this one are not read for an alert it matched. */
  stopAfterMatch: z.boolean(),
};

type RuleShape = {
  targets?: RuleTargets;
  channels?: readonly RuleChannel[];
};

/** A rule must tell somebody, and webhook URLs go with the webhook channel. */
function checkTargets(rule: RuleShape, ctx: z.RefinementCtx): void {
  const { targets, channels } = rule;
  if (targets && targets.roles.length + targets.userIds.length + targets.webhookUrls.length === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['targets'],
      message: 'give at least one role, user or webhook URL',
    });
  if (!targets || !channels) return;
  const webhook = channels.includes('webhook');
  if (webhook && targets.webhookUrls.length === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['targets', 'webhookUrls'],
      message: 'give a URL for the webhook channel',
    });
  if (!webhook && targets.webhookUrls.length > 0)
    ctx.addIssue({ code: 'custom', path: ['channels'], message: 'include webhook to use the webhook URLs' });
  if (channels.every((c) => c === 'webhook') && targets.roles.length + targets.userIds.length > 0)
    ctx.addIssue({ code: 'custom', path: ['channels'], message: 'people need email, sms or in_app' });
}

/** `POST /alert-rules`: `enabled` true, `position` after the last and `stopAfterMatch` false when omitted. */
export const createAlertRuleSchema = z
  .strictObject({
    ...ruleFields,
    enabled: ruleFields.enabled.optional(),
    position: ruleFields.position.optional(),
    stopAfterMatch: ruleFields.stopAfterMatch.optional(),
  })
  .superRefine(checkTargets);
export type CreateAlertRuleInput = z.infer<typeof createAlertRuleSchema>;

/** `PATCH /alert-rules/{id}`: any of the fields; `match` and `targets` are replaced whole. */
export const updateAlertRuleSchema = z
  .strictObject(ruleFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'give at least one field to change' });
export type UpdateAlertRuleInput = z.infer<typeof updateAlertRuleSchema>;

/** Checks a rule as it will be after a patch (the patch alone may not hold both halves). */
export const alertRuleRulesSchema = z
  .object({ targets: ruleTargetsSchema, channels: ruleFields.channels })
  .superRefine(checkTargets);

export const alertRuleViewSchema = z.object({
  id: z.string(),
  ...ruleFields,
  /** Shipped with the platform: reproduces the built-in routing until an admin changes it. */
  builtIn: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type AlertRuleView = z.infer<typeof alertRuleViewSchema>;

/** `GET /alert-rules`, in the order they are read. */
export const alertRulesResponseSchema = z.object({ items: z.array(alertRuleViewSchema) });
export type AlertRulesResponse = z.infer<typeof alertRulesResponseSchema>;
