import { z } from 'zod';

/** HTTP contract for users (shared/PROTOCOL.md §2), shared by the API and the web app. */

/** The four roles; what each may see is decided by the API's scope rules. */
export const USER_ROLES = ['admin', 'support', 'technician', 'account_manager'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The language of the messages sent to a user; `zh-CN` unless chosen otherwise. */
export const USER_LOCALES = ['zh-CN', 'en'] as const;
export type UserLocale = (typeof USER_LOCALES)[number];
export const DEFAULT_USER_LOCALE: UserLocale = 'zh-CN';

/** A user as the API shows it (`GET /users/{id}`, `POST /users`, `PATCH /users/{id}`): never the password hash. */
export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: z.enum(USER_ROLES),
  /** A technician's regions; empty for every other role. */
  regions: z.array(z.string()),
  /** An account manager's merchants; empty for every other role. */
  merchantIds: z.array(z.string()),
  email: z.string().nullable(),
  /** E.164, e.g. `+8613800138000`. */
  phone: z.string().nullable(),
  locale: z.enum(USER_LOCALES),
  /** Asia/Shanghai `HH:MM`; notices (but critical ones, unless `criticalOverride` is false) wait until `end`. Absent: none. */
  quietHours: z
    .object({ start: z.string(), end: z.string(), criticalOverride: z.boolean().optional() })
    .optional(),
  /** The IANA zone report periods are cut and scheduled reports made in (default Asia/Shanghai); always sent by the API. */
  timeZone: z.string().optional(),
  disabled: z.boolean(),
  createdAt: z.string(),
  /** A technician's skills for field dispatch: terminal models and link types (`comm`); empty means any. */
  skills: z.object({ models: z.array(z.string()), comms: z.array(z.string()) }).optional(),
  /** Where a technician starts from: dispatch measures the distance to the merchant from here. */
  homeBase: z.object({ lat: z.number(), lon: z.number() }).optional(),
});
export type UserView = z.infer<typeof userViewSchema>;

/** `GET /users`, by username. */
export const userListSchema = z.object({ items: z.array(userViewSchema) });
export type UserList = z.infer<typeof userListSchema>;
