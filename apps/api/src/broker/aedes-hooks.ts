import type { Aedes, AuthenticateError, Client } from 'aedes' with { 'resolution-mode': 'import' };
import type { DeviceAuthorizer } from './device-authorizer';
import type { InternalCredentials } from './internal-credentials';

const NOT_AUTHORIZED = 5;
const SERVER_UNAVAILABLE = 3;

function authError(message: string, returnCode: number): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}

/**
 * Routes aedes' authenticate/authorizePublish/authorizeSubscribe handlers to the
 * DeviceAuthorizer. The platform's own client (holding the per-process internal
 * credentials) bypasses it, so the ingestor can read every terminal's topics.
 */
export function installDeviceAuth(
  aedes: Aedes,
  authorizer: DeviceAuthorizer,
  internal: InternalCredentials,
): void {
  const platformClients = new WeakSet<Client>();
  // aedes' Client does not keep the CONNECT username; remember it for the later checks.
  const usernames = new WeakMap<Client, string>();
  const who = (client: Client) => ({ clientId: client.id, username: usernames.get(client) });

  aedes.authenticate = (client, username, password, done) => {
    if (internal.matches(username, password)) {
      platformClients.add(client);
      return done(null, true);
    }
    if (username !== undefined) usernames.set(client, username);
    authorizer.authenticate({ clientId: client.id, username }, password).then(
      (ok) => (ok ? done(null, true) : done(authError('not authorized', NOT_AUTHORIZED), false)),
      () => done(authError('device authorizer failed', SERVER_UNAVAILABLE), false),
    );
  };

  aedes.authorizePublish = (client, packet, done) => {
    if (packet.topic.startsWith('$SYS/')) return done(new Error('$SYS/ topic is reserved'));
    // A null client is aedes publishing an old Last Will it already authorized at CONNECT.
    if (client === null || platformClients.has(client)) return done(null);
    authorizer.authorizePublish(who(client), packet.topic).then(
      (ok) => done(ok ? null : new Error(`publish to ${packet.topic} not authorized`)),
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  };

  aedes.authorizeSubscribe = (client, subscription, done) => {
    if (platformClients.has(client)) return done(null, subscription);
    authorizer.authorizeSubscribe(who(client), subscription.topic).then(
      (ok) => done(null, ok ? subscription : null),
      () => done(null, null),
    );
  };
}
