import { Injectable } from '@nestjs/common';
import type { DeviceClient } from '../../../broker/device-authorizer';
import { FleetDeviceAuthorizer } from '../fleet-device-authorizer';
import type { EmqxAuthenticateInput, EmqxAuthorizeInput, EmqxVerdict } from './emqx-hook.schemas';

/**
 * Answers EMQX's authentication and authorization questions with the same rules the
 * embedded broker applies (FleetDeviceAuthorizer), so both brokers admit the same clients
 * to the same topics.
 */
@Injectable()
export class EmqxHookService {
  constructor(private readonly authorizer: FleetDeviceAuthorizer) {}

  async authenticate(input: EmqxAuthenticateInput): Promise<EmqxVerdict> {
    // An empty password is what EMQX sends for none: anonymous.
    const password = input.password === '' ? undefined : Buffer.from(input.password, 'utf8');
    const allowed = await this.authorizer.authenticate(clientOf(input), password);
    return allowed ? { result: 'allow', is_superuser: false } : { result: 'deny' };
  }

  async authorize(input: EmqxAuthorizeInput): Promise<EmqxVerdict> {
    const client = clientOf(input);
    const allowed =
      input.action === 'publish'
        ? await this.authorizer.authorizePublish(client, input.topic)
        : await this.authorizer.authorizeSubscribe(client, input.topic);
    return { result: allowed ? 'allow' : 'deny' };
  }
}

function clientOf(input: { clientid: string; username: string }): DeviceClient {
  return { clientId: input.clientid, username: input.username === '' ? undefined : input.username };
}
