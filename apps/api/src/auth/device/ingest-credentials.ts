import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The platform ingestor's MQTT login. With an external broker it is the user and password
 * of MQTT_URL, which the broker's auth hook (EMQX) must recognise. Otherwise it is made
 * anew at every start and never stored; that username contains dots, which terminal ids
 * cannot, so no terminal can pose as it.
 */
export class IngestCredentials {
  readonly username: string;
  readonly password: string;

  constructor(login?: { username: string; password: string }) {
    this.username = login?.username ?? `fleet.ingest.${randomBytes(4).toString('hex')}`;
    this.password = login?.password ?? randomBytes(24).toString('base64url');
  }

  matches(username: string | undefined, password: Buffer | string | undefined): boolean {
    if (username !== this.username || password === undefined) return false;
    const given = Buffer.from(password);
    const expected = Buffer.from(this.password);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
