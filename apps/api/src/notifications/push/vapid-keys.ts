import type { Kysely } from 'kysely';
import { generateVAPIDKeys } from 'web-push';
import { z } from 'zod';
import type { AuthTables } from '../../auth/auth-tables';
import { storedSecret } from '../../auth/session/server-secrets';

/** The application server's VAPID identity (RFC 8292), fixed for the life of the database. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** `mailto:` or https URL the push services may contact. */
  subject: string;
}

export const VAPID_KEYS = Symbol('VAPID_KEYS');

const storedPairSchema = z.object({ publicKey: z.string(), privateKey: z.string() });
const SECRET_NAME = 'vapid_keys';

/**
 * The configured pair, or else the one in `server_secrets`, generated on first start.
 * Both halves are one row, so two instances starting together agree on one pair; a new
 * pair would orphan every browser's subscription.
 */
export async function loadVapidKeys(
  db: Kysely<AuthTables>,
  configured: { publicKey: string; privateKey: string } | undefined,
  subject: string,
): Promise<VapidKeys> {
  if (configured) return { ...configured, subject };
  const value = await storedSecret(db, SECRET_NAME, () => JSON.stringify(generateVAPIDKeys()));
  return { ...storedPairSchema.parse(JSON.parse(value)), subject };
}
