import { z } from 'zod';

export const ROLES = ['admin', 'support', 'technician', 'account_manager'] as const;
export type Role = (typeof ROLES)[number];

/** The answer of `POST /auth/login` and `POST /auth/refresh`. */
export const sessionSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresIn: z.number().positive(),
  user: z.object({
    username: z.string(),
    role: z.enum(ROLES),
    regions: z.array(z.string()),
    merchantIds: z.array(z.string()),
  }),
});
export type SessionAnswer = z.infer<typeof sessionSchema>;
export type SessionUser = SessionAnswer['user'];
