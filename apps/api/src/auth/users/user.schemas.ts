import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  DEFAULT_USER_LOCALE,
  USER_LOCALES,
  userListSchema,
  userViewSchema,
  type UserView,
} from '@fleet/telemetry/api/users';
import { quietHoursSchema } from '@fleet/telemetry/api/notifications';
import { timeZoneSchema } from '@fleet/telemetry/api/report-subscriptions';
import { COMM_TYPES } from '@fleet/telemetry/protocol/messages';
import { ROLES } from './role';

/** Usernames are short and plain so they are safe in logs, tokens and topic-free audit lines. */
export const usernameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9._@-]+$/, 'only letters, digits and . _ @ -');

/** Bounded above so a megabyte "password" cannot tie up the hasher. */
export const newPasswordSchema = z
  .string()
  .min(8, 'at least 8 characters')
  .max(256, 'at most 256 characters');

const label = z.string().trim().min(1, 'must not be empty').max(64, 'at most 64 characters');
const roleSchema = z.enum(ROLES, { message: `one of ${ROLES.join(', ')}` });
const regionsSchema = z.array(label).max(500, 'at most 500 regions');
const merchantIdsSchema = z.array(label).max(5000, 'at most 5000 merchant ids');

/** Kept as typed (trimmed), so the address in a notification is the one the admin saw. */
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'at most 254 characters')
  .pipe(z.email({ message: 'must be an e-mail address' }));

/**
 * Stored in E.164 (`+8613800138000`) so SMS gateways take it as is; spaces, dashes, dots and
 * brackets a person types between the digits are dropped first.
 */
export const phoneSchema = z
  .string()
  .max(32, 'at most 32 characters')
  .transform((phone) => phone.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'must be an international number like +8613800138000'));

/** A technician's dispatch skills: terminal models and link types (`4g`, `dialup`, …); an empty list means any. */
export const skillsSchema = z
  .object({
    models: z.array(label).max(100, 'at most 100 models').default([]),
    comms: z.array(z.enum(COMM_TYPES, { message: `one of ${COMM_TYPES.join(', ')}` })).default([]),
  })
  .strict();
/** A technician's home base, where dispatch measures the distance to a merchant from. */
export const homeBaseSchema = z
  .object({
    lat: z.number().min(-90, 'from -90 to 90').max(90, 'from -90 to 90'),
    lon: z.number().min(-180, 'from -180 to 180').max(180, 'from -180 to 180'),
  })
  .strict();

const localeSchema = z.enum(USER_LOCALES, { message: `one of ${USER_LOCALES.join(', ')}` });

interface RoleAssignment {
  role: (typeof ROLES)[number];
  regions: string[];
  merchantIds: string[];
}

/**
 * The one rule set for who carries which scope, at creation and after every change: a
 * scoped role without an assignment would see nothing, an unscoped one would ignore it.
 */
function checkRoleAssignment(user: RoleAssignment, ctx: z.RefinementCtx): void {
  if (user.role === 'technician' && user.regions.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['regions'], message: 'a technician needs at least one region' });
  }
  if (user.role === 'account_manager' && user.merchantIds.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['merchantIds'],
      message: 'an account manager needs at least one merchant id',
    });
  }
  if (user.role !== 'technician' && user.regions.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['regions'], message: 'only a technician has regions' });
  }
  if (user.role !== 'account_manager' && user.merchantIds.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['merchantIds'],
      message: 'only an account manager has merchant ids',
    });
  }
}

/** A user's role and scope as they will be stored, checked as a whole. */
export const roleAssignmentSchema = z
  .object({ role: roleSchema, regions: regionsSchema, merchantIds: merchantIdsSchema })
  .superRefine(checkRoleAssignment);

export const createUserSchema = z
  .object({
    username: usernameSchema,
    password: newPasswordSchema,
    role: roleSchema,
    regions: regionsSchema.default([]),
    merchantIds: merchantIdsSchema.default([]),
    email: emailSchema.nullable().default(null),
    phone: phoneSchema.nullable().default(null),
    locale: localeSchema.default(DEFAULT_USER_LOCALE),
    skills: skillsSchema.nullable().default(null),
    homeBase: homeBaseSchema.nullable().default(null),
  })
  .superRefine(checkRoleAssignment);
export type CreateUserInput = z.output<typeof createUserSchema>;
export class CreateUserDto extends createZodDto(createUserSchema) {}

/**
 * `PATCH /users/{id}`: any of these; absent fields stay as they are. The result is checked
 * against the creation rules by the service (roleAssignmentSchema), since only then is the
 * whole user known. Any other key is refused by name, so a typo is not silently ignored.
 */
export const updateUserSchema = z
  .object({
    role: roleSchema.optional(),
    regions: regionsSchema.optional(),
    merchantIds: merchantIdsSchema.optional(),
    email: emailSchema.nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    locale: localeSchema.optional(),
    /** null clears them. */
    quietHours: quietHoursSchema.nullable().optional(),
    /** Dispatch: null clears them. */
    skills: skillsSchema.nullable().optional(),
    homeBase: homeBaseSchema.nullable().optional(),
    /** Reports: the IANA zone periods are cut and scheduled reports made in. */
    timeZone: timeZoneSchema.optional(),
    disabled: z.boolean({ message: 'must be true or false' }).optional(),
    /** A password reset by the admin; the user's sessions end with it. */
    password: newPasswordSchema.optional(),
  })
  .strict();
export type UpdateUserInput = z.output<typeof updateUserSchema>;
export class UpdateUserDto extends createZodDto(updateUserSchema) {}

/** User ids are UUIDs; anything else could never name a user. */
export const userIdParamSchema = z.object({ id: z.uuid({ message: 'must be a user id (UUID)' }) });

export type { UserView };
export class UserViewDto extends createZodDto(userViewSchema) {}
export class UserListDto extends createZodDto(userListSchema) {}
