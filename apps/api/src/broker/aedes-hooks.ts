import type { Aedes, AuthenticateError, Client } from 'aedes' with { 'resolution-mode': 'import' };
import type { DeviceAuthorizer } from './device-authorizer';
import type { ForbiddenPublishes, ForbiddenReason } from './forbidden-publishes';
import type { InternalCredentials } from './internal-credentials';

const NOT_AUTHORIZED = 5;
const SERVER_UNAVAILABLE = 3;

/**
 * Where a refused PUBLISH is redirected so aedes acks it and delivers it to nobody. aedes 1.x
 * treats any authorizePublish error as fatal for the connection, and a persistent-session
 * client resends that QoS 1 message first on every reconnect, so it would be locked out for
 * ever. Rewriting the packet in authorizePublish is aedes' documented extension point (its
 * docs rewrite the payload there); authorizeForward then refuses this topic to every
 * subscriber. Clients cannot subscribe here: $SYS/ is reserved and devices only get their own topics.
 */
export const FORBIDDEN_SINK_TOPIC = '$SYS/fleet/forbidden';

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
  forbidden: ForbiddenPublishes,
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

  /** Acknowledge and drop instead of disconnecting, as Mosquitto does (see auth/device/MOSQUITTO.md). */
  const drop = (client: Client, packet: { topic: string; retain: boolean }, reason: ForbiddenReason) => {
    forbidden.record({ ...who(client), topic: packet.topic, reason });
    packet.topic = FORBIDDEN_SINK_TOPIC;
    packet.retain = false;
  };

  aedes.authorizePublish = (client, packet, done) => {
    // A null client is aedes publishing an old Last Will (no connection to keep: an error drops the will).
    if (client === null)
      return done(packet.topic.startsWith('$SYS/') ? new Error('$SYS/ topic is reserved') : null);
    if (packet.topic.startsWith('$SYS/')) {
      drop(client, packet, 'sys_topic');
      return done(null);
    }
    if (platformClients.has(client)) return done(null);
    authorizer.authorizePublish(who(client), packet.topic).then(
      (ok) => {
        if (!ok) drop(client, packet, 'foreign_topic');
        done(null);
      },
      // A failing authorizer (database down) is not a verdict: drop the connection so the
      // client resends later, rather than acking and losing a message it may be allowed to send.
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  };

  aedes.authorizeForward = (_client, packet) => (packet.topic === FORBIDDEN_SINK_TOPIC ? null : packet);

  aedes.authorizeSubscribe = (client, subscription, done) => {
    if (platformClients.has(client)) return done(null, subscription);
    authorizer.authorizeSubscribe(who(client), subscription.topic).then(
      (ok) => done(null, ok ? subscription : null),
      () => done(null, null),
    );
  };
}
