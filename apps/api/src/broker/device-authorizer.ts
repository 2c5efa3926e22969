/**
 * The seam through which the embedded broker asks who a device is and what it may do.
 * The broker itself knows no secrets: the auth module (apps/api/src/auth) provides the
 * real implementation under DEVICE_AUTHORIZER; with FLEET_DEVICE_AUTH=off everything is allowed.
 */
export interface DeviceClient {
  /** MQTT client id; by protocol v1 the terminal id. */
  clientId: string;
  /** Username presented at CONNECT (the terminal id when device auth is on). */
  username?: string;
}

export interface DeviceAuthorizer {
  /** Called once per CONNECT; false refuses the connection (CONNACK "not authorized"). */
  authenticate(client: DeviceClient, password: Buffer | undefined): Promise<boolean>;
  /** Called for every PUBLISH and for a client's Last Will; false: the broker acks and drops that message, the client stays. */
  authorizePublish(client: DeviceClient, topic: string): Promise<boolean>;
  /** Called for every SUBSCRIBE entry; false refuses that entry (SUBACK 0x80). */
  authorizeSubscribe(client: DeviceClient, topicFilter: string): Promise<boolean>;
}

export const DEVICE_AUTHORIZER = Symbol('DEVICE_AUTHORIZER');

/** The demo's choice (FLEET_DEVICE_AUTH=off): any device may connect, publish and subscribe. */
export class AllowAllDeviceAuthorizer implements DeviceAuthorizer {
  async authenticate(): Promise<boolean> {
    return true;
  }
  async authorizePublish(): Promise<boolean> {
    return true;
  }
  async authorizeSubscribe(): Promise<boolean> {
    return true;
  }
}
