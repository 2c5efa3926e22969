import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
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

export const createUserSchema = z
  .object({
    username: usernameSchema,
    password: newPasswordSchema,
    role: z.enum(ROLES, { message: `one of ${ROLES.join(', ')}` }),
    regions: z.array(label).max(500, 'at most 500 regions').default([]),
    merchantIds: z.array(label).max(5000, 'at most 5000 merchant ids').default([]),
  })
  .superRefine((user, ctx) => {
    // A scoped role without an assignment would see nothing; an unscoped one ignores it.
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
  });
export type CreateUserInput = z.output<typeof createUserSchema>;
export class CreateUserDto extends createZodDto(createUserSchema) {}

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: z.enum(ROLES),
  regions: z.array(z.string()),
  merchantIds: z.array(z.string()),
  disabled: z.boolean(),
  createdAt: z.string(),
});
/** A user as the API shows it: never the password hash. */
export type UserView = z.infer<typeof userViewSchema>;
export class UserViewDto extends createZodDto(userViewSchema) {}

export const userListSchema = z.object({ items: z.array(userViewSchema) });
export class UserListDto extends createZodDto(userListSchema) {}
