import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/**
 * The bodies EMQX 5's HTTP authenticator and authorizer send, as configured in
 * MOSQUITTO.md (`body { clientid = "${clientid}", ... }`). EMQX renders a placeholder it has
 * no value for (no username, no password) as an empty string.
 */
const clientField = z.string().max(1024, 'at most 1024 characters');
const absentAsEmpty = clientField.optional().default('');

export const emqxAuthenticateSchema = z.object({
  clientid: clientField,
  username: absentAsEmpty,
  password: absentAsEmpty,
});
export type EmqxAuthenticateInput = z.infer<typeof emqxAuthenticateSchema>;
export class EmqxAuthenticateDto extends createZodDto(emqxAuthenticateSchema) {}

export const emqxAuthorizeSchema = z.object({
  clientid: clientField,
  username: absentAsEmpty,
  action: z.enum(['publish', 'subscribe']),
  /** A topic to publish to, or a filter to subscribe to (maybe `$share/{group}/...`). */
  topic: z.string().min(1, 'must not be empty').max(65_535, 'at most 65535 characters'),
  // Accepted so a body carrying them is not refused; the rules do not depend on them.
  // Templated values arrive as strings.
  qos: z.union([z.number().int().min(0).max(2), z.enum(['0', '1', '2'])]).optional(),
  retain: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
});
export type EmqxAuthorizeInput = z.infer<typeof emqxAuthorizeSchema>;
export class EmqxAuthorizeDto extends createZodDto(emqxAuthorizeSchema) {}

/** What EMQX reads from a 200 answer; anything else (4xx/5xx) it takes as "ignore". */
export interface EmqxVerdict {
  result: 'allow' | 'deny';
  /** Authentication only: never a superuser, so every publish and subscribe is asked about. */
  is_superuser?: false;
}
