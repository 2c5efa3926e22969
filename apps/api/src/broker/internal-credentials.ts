import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Per-process credentials for the platform's own client (the ingestor) on the embedded
 * broker, so it can subscribe to every terminal's topics even with device auth on.
 * They are never stored: a new pair is made at every start.
 */
export class InternalCredentials {
  readonly username = `fleet-platform-${randomBytes(4).toString('hex')}`;
  readonly password = randomBytes(24).toString('base64url');

  matches(username: string | undefined, password: Buffer | undefined): boolean {
    if (username !== this.username || password === undefined) return false;
    const expected = Buffer.from(this.password);
    return password.length === expected.length && timingSafeEqual(password, expected);
  }
}
