import { Inject, Injectable } from '@nestjs/common';
import { TERMINAL_ID_PATTERN, TOPIC_PREFIX } from '@fleet/telemetry/protocol/topics';
import type { DeviceAuthorizer, DeviceClient } from '../../broker/device-authorizer';
import { AUTH_OPTIONS, type AuthOptions } from '../auth-options';
import { DeviceCredentialsService } from './device-credentials.service';
import { IngestCredentials } from './ingest-credentials';

/**
 * Device security for the embedded broker (PROTOCOL.md §1). With FLEET_DEVICE_AUTH=on a
 * terminal connects as username = client id = terminal id with its issued secret, and
 * may publish only under `fleet/v1/{its id}/` and subscribe to nothing (protocol v1 sends
 * terminals nothing; a subscription could only serve to read or steal). The ingestor, with
 * IngestCredentials, may only read the fleet. With it off, everything is allowed. EMQX asks
 * the same questions through its HTTP hooks (emqx/emqx-hook.controller.ts).
 */
@Injectable()
export class FleetDeviceAuthorizer implements DeviceAuthorizer {
  constructor(
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    private readonly credentials: DeviceCredentialsService,
    private readonly ingest: IngestCredentials,
  ) {}

  async authenticate(client: DeviceClient, password: Buffer | undefined): Promise<boolean> {
    if (!this.options.deviceAuth) return true;
    if (this.ingest.matches(client.username, password)) return true;
    // The ingestor's username reads the whole fleet: nobody else may log in with it, even
    // where it is also a valid terminal id (an external broker's login from MQTT_URL).
    if (client.username === this.ingest.username) return false;
    if (password === undefined || !this.isTerminal(client)) return false;
    return this.credentials.verify(client.clientId, password.toString('utf8'));
  }

  async authorizePublish(client: DeviceClient, topic: string): Promise<boolean> {
    if (!this.options.deviceAuth) return true;
    return this.isTerminal(client) && topic.startsWith(ownPrefix(client));
  }

  async authorizeSubscribe(client: DeviceClient, topicFilter: string): Promise<boolean> {
    if (!this.options.deviceAuth) return true;
    if (client.username === this.ingest.username)
      return withoutShareGroup(topicFilter).startsWith(TOPIC_PREFIX);
    return false;
  }

  /** Authenticated as a terminal: only those pass CONNECT with username = client id. */
  private isTerminal(client: DeviceClient): boolean {
    return client.username === client.clientId && TERMINAL_ID_PATTERN.test(client.clientId);
  }
}

function ownPrefix(client: DeviceClient): string {
  return `${TOPIC_PREFIX}${client.clientId}/`;
}

/** `$share/{group}/fleet/v1/+/+` → `fleet/v1/+/+` (shared subscriptions, MQTT 5). */
function withoutShareGroup(filter: string): string {
  const match = /^\$share\/[^/]+\/(.*)$/.exec(filter);
  return match?.[1] ?? filter;
}
