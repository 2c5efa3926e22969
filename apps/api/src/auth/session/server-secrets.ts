import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuthTables } from '../auth-tables';
import type { AuthOptions } from '../auth-options';

/** Keys the server signs and peppers with, fixed for the life of the database. */
export interface ServerSecrets {
  /** HS256 key for access tokens. */
  jwtKey: Uint8Array;
  /** HMAC key for device secret hashes. */
  devicePepper: Buffer;
}

export const SERVER_SECRETS = Symbol('SERVER_SECRETS');

/**
 * Takes each key from the configuration, or else from the database, generating and
 * storing it on first start so restarts keep sessions and device secrets valid.
 */
export async function loadServerSecrets(
  db: Kysely<AuthTables>,
  options: AuthOptions,
): Promise<ServerSecrets> {
  const jwt = options.jwtSecret ?? (await storedSecret(db, 'jwt_signing_key'));
  const pepper = options.deviceSecretPepper ?? (await storedSecret(db, 'device_secret_pepper'));
  return { jwtKey: new TextEncoder().encode(jwt), devicePepper: Buffer.from(pepper) };
}

/** The kept value of `name`, made by `generate` on first use (a random 256-bit key by default). */
export async function storedSecret(
  db: Kysely<AuthTables>,
  name: string,
  generate: () => string = () => randomBytes(32).toString('base64url'),
): Promise<string> {
  // Insert-if-absent then read: two instances starting together agree on one value.
  await db
    .insertInto('server_secrets')
    .values({ name, value: generate() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.value;
}
