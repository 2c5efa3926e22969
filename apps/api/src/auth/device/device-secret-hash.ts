import { createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device secrets are 32 random bytes: no dictionary to guess from, so a slow hash buys
 * nothing, while argon2 at ~20 ms and 19 MiB each would turn 100k terminals reconnecting
 * after an outage into half an hour of CPU on two cores. HMAC-SHA256 with a server
 * pepper costs microseconds and is still useless to whoever steals only the table.
 */
export function newDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function deviceSecretHash(pepper: Buffer, secret: string): string {
  return createHmac('sha256', pepper).update(secret, 'utf8').digest('base64url');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Mosquitto 2's `mosquitto_passwd` default: PBKDF2-SHA512, 101 rounds, 12-byte salt. */
const MOSQUITTO_ROUNDS = 101;

/** The secret as a Mosquitto password-file hash: `$7$<rounds>$<salt b64>$<hash b64>`. */
export function mosquittoPasswordHash(secret: string, salt: Buffer = randomBytes(12)): string {
  const hash = pbkdf2Sync(secret, salt, MOSQUITTO_ROUNDS, 64, 'sha512');
  return `$7$${MOSQUITTO_ROUNDS}$${salt.toString('base64')}$${hash.toString('base64')}`;
}
