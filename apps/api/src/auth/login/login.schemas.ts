import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ROLES } from '../users/role';
import { usernameSchema } from '../users/user.schemas';

export const loginSchema = z.object({
  username: usernameSchema,
  password: z.string().min(1, 'must not be empty').max(256, 'at most 256 characters'),
});
export type LoginInput = z.infer<typeof loginSchema>;
export class LoginDto extends createZodDto(loginSchema) {}

const refreshToken = z.string().min(1, 'must not be empty').max(128, 'at most 128 characters');

export const refreshSchema = z.object({ refreshToken });
export class RefreshDto extends createZodDto(refreshSchema) {}

/** Without a refresh token, logout ends every session of the caller. */
export const logoutSchema = z.object({ refreshToken: refreshToken.optional() });
export class LogoutDto extends createZodDto(logoutSchema) {}

export const sessionSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number(),
  user: z.object({
    username: z.string(),
    role: z.enum(ROLES),
    regions: z.array(z.string()),
    merchantIds: z.array(z.string()),
  }),
});
export type SessionView = z.infer<typeof sessionSchema>;
export class SessionDto extends createZodDto(sessionSchema) {}
