import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { Aedes } from 'aedes' with { 'resolution-mode': 'import' };
import type { Registry } from 'prom-client';
import { portFailure } from '../port-check';
import { installDeviceAuth } from './aedes-hooks';
import type { DeviceAuthorizer } from './device-authorizer';
import { ForbiddenPublishes } from './forbidden-publishes';
import { InternalCredentials } from './internal-credentials';

export interface EmbeddedBrokerOptions {
  /** TCP port; 0 picks any free port (see `port` after start). */
  port: number;
  /** Interface to bind (MQTT_HOST); all interfaces when omitted. */
  host?: string;
  authorizer: DeviceAuthorizer;
  /** PEM files: terminals then connect with TLS (mqtts) on `port`. */
  tls?: { certFile: string; keyFile: string };
  /** Where fleet_broker_forbidden_total is registered (the app's MetricsRegistry). */
  metrics?: Registry;
}

/** The demo's MQTT 3.1.1 broker: aedes with in-memory persistence, in this process. */
export class EmbeddedBroker {
  private constructor(
    private readonly aedes: Aedes,
    private readonly servers: Server[],
    readonly port: number,
    /** Plain listener on loopback for the platform's own clients when terminals use TLS. */
    private readonly internalPort: number,
    private readonly internalHost: string,
    readonly internalCredentials: InternalCredentials,
    /** Publishes acked and dropped because the client may not publish there. */
    readonly forbiddenPublishes: ForbiddenPublishes,
  ) {}

  /** Where the platform's own clients on this machine reach it. */
  get url(): string {
    const host = this.internalHost.includes(':') ? `[${this.internalHost}]` : this.internalHost;
    return `mqtt://${host}:${this.internalPort}`;
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
    const forbidden = new ForbiddenPublishes(options.metrics);
    installDeviceAuth(aedes, options.authorizer, internal, forbidden);
    const servers: Server[] = [];
    try {
      const server = options.tls
        ? createTlsServer(readTlsFiles(options.tls), aedes.handle)
        : createServer(aedes.handle);
      servers.push(server);
      await listen(server, options.port, options.host);
      const port = (server.address() as AddressInfo).port;
      if (!options.tls) {
        const host = reachableHost(options.host);
        return new EmbeddedBroker(aedes, servers, port, port, host, internal, forbidden);
      }
      // Terminals speak TLS; the ingestor and demo fleet stay on loopback without it.
      const internalServer = createServer(aedes.handle);
      servers.push(internalServer);
      await listen(internalServer, 0, '127.0.0.1');
      const internalPort = (internalServer.address() as AddressInfo).port;
      return new EmbeddedBroker(aedes, servers, port, internalPort, '127.0.0.1', internal, forbidden);
    } catch (error) {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      throw error;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    await new Promise<void>((resolve) => this.aedes.close(() => resolve()));
  }
}

/** Where this process reaches a listener bound to `host`: loopback for the wildcard addresses. */
function reachableHost(host: string | undefined): string {
  return host === undefined || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

function readTlsFiles(tls: { certFile: string; keyFile: string }): { cert: Buffer; key: Buffer } {
  const read = (variable: string, path: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new Error(
        `${variable}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  };
  return { cert: read('MQTT_TLS_CERT', tls.certFile), key: read('MQTT_TLS_KEY', tls.keyFile) };
}

function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(new Error(portFailure('MQTT_PORT', port, error)));
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
