import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The platform ingestor's own MQTT login, made anew at every start and never stored.
 * The username contains dots, which terminal ids cannot, so no terminal can pose as it.
 */
export class IngestCredentials {
  readonly username = `fleet.ingest.${randomBytes(4).toString('hex')}`;
  readonly password = randomBytes(24).toString('base64url');

  matches(username: string | undefined, password: Buffer | string | undefined): boolean {
    if (username !== this.username || password === undefined) return false;
    const given = Buffer.from(password);
    const expected = Buffer.from(this.password);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
