import { createServer, type AddressInfo, type Server } from 'node:net';
import type { Aedes } from 'aedes' with { 'resolution-mode': 'import' };
import { installDeviceAuth } from './aedes-hooks';
import type { DeviceAuthorizer } from './device-authorizer';
import { InternalCredentials } from './internal-credentials';

export interface EmbeddedBrokerOptions {
  /** TCP port; 0 picks any free port (see `port` after start). */
  port: number;
  /** Interface to bind; all interfaces when omitted, so terminals on the LAN can reach it. */
  host?: string;
  authorizer: DeviceAuthorizer;
}

/** The demo's MQTT 3.1.1 broker: aedes with in-memory persistence, in this process. */
export class EmbeddedBroker {
  private constructor(
    private readonly aedes: Aedes,
    private readonly server: Server,
    readonly port: number,
    readonly internalCredentials: InternalCredentials,
  ) {}

  /** Where clients on this machine reach it. */
  get url(): string {
    return `mqtt://127.0.0.1:${this.port}`;
  }

  get connectedClients(): number {
    return this.aedes.connectedClients;
  }

  /** Starts the broker; a taken port rejects with the one line `MQTT_PORT <n> is already in use`. */
  static async start(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
    // aedes is an ES module; a dynamic import loads it from this CommonJS build.
    const { Aedes } = await import('aedes');
    const aedes = await Aedes.createBroker();
    const internal = new InternalCredentials();
    installDeviceAuth(aedes, options.authorizer, internal);
    const server = createServer(aedes.handle);
    try {
      await listen(server, options.port, options.host);
    } catch (error) {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      throw error;
    }
    return new EmbeddedBroker(aedes, server, (server.address() as AddressInfo).port, internal);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await new Promise<void>((resolve) => this.aedes.close(() => resolve()));
  }
}

function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') reject(new Error(`MQTT_PORT ${port} is already in use`));
      else if (error.code === 'EACCES')
        reject(new Error(`MQTT_PORT ${port} needs privileges this process lacks`));
      else reject(new Error(`MQTT_PORT ${port} cannot be opened: ${error.message}`));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
