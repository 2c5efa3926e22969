/**
 * Where the platform's own MQTT clients (ingestor, demo simulator) find the broker:
 * the embedded one's bound address, or the external MQTT_URL.
 */
export interface BrokerEndpoint {
  /** e.g. mqtt://127.0.0.1:1883, or MQTT_URL as configured (credentials included). */
  url: string;
  /** True when this process runs the broker (aedes, MQTT 3.1.1 only, no shared subscriptions). */
  embedded: boolean;
  /** The protocol version clients should speak to it. */
  protocolVersion: 4 | 5;
  /** Credentials that let the platform's own client bypass device auth on the embedded broker. */
  platformCredentials?: { username: string; password: string };
}

export const BROKER_ENDPOINT = Symbol('BROKER_ENDPOINT');
