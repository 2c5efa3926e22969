import { EventEmitter } from 'node:events';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import * as mqttPacket from 'mqtt-packet';
import { AckSequencer } from './ack-sequencer';
import { Backoff } from './backoff';
import { parseBrokerUrl, redactBrokerUrl, type BrokerAddress } from './broker-address';
import { describeConnackCode } from './connack-codes';
import { MalformedPacketError, MqttFramer, type FramedPublish } from './mqtt-framer';

/*
 * Why a hand-written MQTT client: the ingestor may acknowledge a QoS 1 message only after
 * the batch holding it has committed, yet it must keep reading thousands of messages
 * while that batch is in flight. MQTT.js handles incoming PUBLISHes strictly one at a
 * time (the next is parsed only after handleMessage's callback), so deferring the PUBACK
 * there means one message per commit. No library we know of does deferred, in-order acks
 * without that head-of-line blocking, so this small client on mqtt-packet does: it hands
 * every PUBLISH on at once, sends PUBACKs later in receive order, and pauses the socket
 * (TCP backpressure up to the broker) when the ingestor's buffer is full. PUBLISH packets
 * are read by MqttFramer, the others by mqtt-packet (see mqtt-framer.ts for why).
 */

export interface InboundPublish {
  topic: string;
  payload: Buffer;
  /** Marks the message committed; its PUBACK follows in receive order. A no-op for QoS 0. */
  ack: () => void;
}

export interface DeferredAckSubscriberOptions {
  url: string;
  clientId: string;
  protocolVersion: 4 | 5;
  /** Topic filter subscribed with QoS 1, e.g. fleet/v1/+/+ or $share/group/fleet/v1/+/+ */
  topic: string;
  /** Override the URL's credentials (e.g. the embedded broker's platform credentials). */
  username?: string;
  password?: string;
  keepaliveS?: number;
  /** MQTT 5 only: how long the broker keeps our session while we are away. */
  sessionExpiryS?: number;
  connectTimeoutMs?: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  onMessage: (message: InboundPublish) => void;
}

/** The most unacknowledged QoS 1 messages an MQTT 5 broker may send us (the protocol maximum). */
const RECEIVE_MAXIMUM = 65_535;
const SUBSCRIBE_ID = 1;
const noop = () => undefined;

function pubackBytes(ids: readonly number[]): Buffer {
  // PUBACK: fixed header 0x40, remaining length 2, packet id. Valid in 3.1.1 and 5 (reason 0 omitted).
  const out = Buffer.allocUnsafe(ids.length * 4);
  ids.forEach((id, i) => {
    out[i * 4] = 0x40;
    out[i * 4 + 1] = 0x02;
    out.writeUInt16BE(id, i * 4 + 2);
  });
  return out;
}

/**
 * Persistent-session QoS 1 subscriber with deferred in-order acks, keepalive,
 * reconnect with backoff and socket-level backpressure.
 * Events: 'connected' (subscribed), 'disconnected' (Error), 'error' is never emitted.
 */
export class DeferredAckSubscriber extends EventEmitter {
  private readonly address: BrokerAddress;
  private readonly backoff: Backoff;
  private socket: Socket | null = null;
  private acks: AckSequencer | null = null;
  private paused = false;
  private stopped = false;
  private connectedNow = false;
  private subscribed = false;
  private awaitingPong = false;
  private keepaliveTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private connectTimer: NodeJS.Timeout | null = null;
  private firstConnect: { resolve: () => void; reject: (error: Error) => void } | null = null;

  constructor(private readonly options: DeferredAckSubscriberOptions) {
    super();
    this.address = parseBrokerUrl(options.url);
    this.backoff = new Backoff(options.reconnectMinMs ?? 200, options.reconnectMaxMs ?? 10_000);
  }

  /**
   * True between the SUBACK and the connection's loss: only then does the broker route the
   * fleet's messages to us. (Mosquitto before 2.0.19 forgets shared subscriptions when it
   * restarts, so until our SUBSCRIBE it acknowledges terminals' messages and drops them.)
   * After a reconnect with the buffer full, the SUBACK waits unread behind the queued
   * messages until reading resumes, so this turns true late, never early.
   */
  get connected(): boolean {
    return this.connectedNow && this.subscribed;
  }

  /** Connects and subscribes; rejects with one line if the first attempt fails. Later drops reconnect. */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.firstConnect = { resolve, reject };
      this.open();
    });
  }

  /** Stops reading (backpressure); writes (acks, pings) continue. */
  pause(): void {
    this.paused = true;
    this.socket?.pause();
  }

  resume(): void {
    this.paused = false;
    this.socket?.resume();
  }

  /** Sends DISCONNECT and closes; messages not yet acked are redelivered to the next session. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    this.acks?.flush(); // acks of batches committed just before stop() must not be lost
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      if (this.connectedNow) socket.end(this.encode({ cmd: 'disconnect' }));
      else socket.destroy();
      setTimeout(() => socket.destroy(), 2000).unref();
    });
  }

  private open(): void {
    const { host, port, tls } = this.address;
    const socket = tls ? tlsConnect({ host, port, servername: host }) : netConnect({ host, port });
    socket.setNoDelay(true);
    this.socket = socket;
    const acks = new AckSequencer((ids) => {
      if (!socket.destroyed) socket.write(pubackBytes(ids));
    });
    this.acks = acks;
    const parser = mqttPacket.parser({ protocolVersion: this.options.protocolVersion });
    parser.on('packet', (packet: mqttPacket.Packet) => this.onPacket(packet, socket));
    parser.on('error', (error: Error) =>
      socket.destroy(new Error(`bad packet from broker: ${error.message}`)),
    );
    const framer = new MqttFramer(this.options.protocolVersion, {
      publish: (publish) => this.onPublish(publish, acks),
      other: (packet) => parser.parse(packet),
    });
    const timeoutMs = this.options.connectTimeoutMs ?? 10_000;
    this.connectTimer = setTimeout(
      () => socket.destroy(new Error(`no CONNACK/SUBACK within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once(tls ? 'secureConnect' : 'connect', () => socket.write(this.connectPacket()));
    socket.on('data', (chunk: Buffer) => {
      try {
        framer.push(chunk);
      } catch (error) {
        if (!(error instanceof MalformedPacketError)) throw error;
        socket.destroy(new Error(`bad packet from broker: ${error.message}`));
      }
    });
    // Stay readable until the CONNACK even when paused (see onConnected).
    let lastError: Error | undefined;
    socket.on('error', (error) => (lastError = error)); // reported through 'close' below
    socket.once('close', () => {
      this.onClose(socket, acks, lastError ?? new Error('connection closed by broker'));
    });
  }

  private connectPacket(): Buffer {
    const { username, password } = this.address;
    const v5 = this.options.protocolVersion === 5;
    const user = this.options.username ?? username;
    const pass = this.options.password ?? password;
    return this.encode({
      cmd: 'connect',
      protocolId: 'MQTT',
      protocolVersion: this.options.protocolVersion,
      clientId: this.options.clientId,
      clean: false,
      keepalive: this.options.keepaliveS ?? 30,
      ...(user !== undefined ? { username: user } : {}),
      ...(pass !== undefined ? { password: Buffer.from(pass) } : {}),
      ...(v5
        ? {
            properties: {
              sessionExpiryInterval: this.options.sessionExpiryS ?? 7 * 86_400,
              receiveMaximum: RECEIVE_MAXIMUM,
            },
          }
        : {}),
    });
  }

  private onPublish({ topic, payload, qos, messageId }: FramedPublish, acks: AckSequencer): void {
    // QoS 2 cannot arrive: the subscription is QoS 1, so the broker downgrades.
    const ack = qos === 1 && messageId !== undefined ? acks.track(messageId) : noop;
    this.options.onMessage({ topic, payload, ack });
  }

  private onPacket(packet: mqttPacket.Packet, socket: Socket): void {
    switch (packet.cmd) {
      case 'connack': {
        const code = packet.reasonCode ?? packet.returnCode ?? 0;
        if (code !== 0) {
          socket.destroy(new Error(`broker refused the connection: ${describeConnackCode(code)}`));
          return;
        }
        this.onConnected(socket);
        socket.write(
          this.encode({
            cmd: 'subscribe',
            messageId: SUBSCRIBE_ID,
            subscriptions: [{ topic: this.options.topic, qos: 1 }],
          }),
        );
        return;
      }
      case 'suback': {
        const granted = packet.granted[0];
        if (typeof granted !== 'number' || granted >= 0x80) {
          socket.destroy(new Error(`broker refused the subscription to ${this.options.topic}`));
          return;
        }
        this.subscribed = true;
        this.emit('connected');
        this.firstConnect?.resolve();
        this.firstConnect = null;
        return;
      }
      case 'pingresp':
        this.awaitingPong = false;
        return;
      case 'disconnect':
        socket.destroy(new Error(`broker disconnected us (reason ${packet.reasonCode ?? 0})`));
        return;
      // PUBLISH is read by the framer; the rest a broker never sends to a subscriber like this one.
      case 'publish':
      case 'auth':
      case 'connect':
      case 'pingreq':
      case 'puback':
      case 'pubcomp':
      case 'pubrec':
      case 'pubrel':
      case 'subscribe':
      case 'unsuback':
      case 'unsubscribe':
        return;
    }
  }

  private onConnected(socket: Socket): void {
    if (this.connectTimer) clearTimeout(this.connectTimer);
    this.connectedNow = true;
    this.backoff.reset();
    this.startKeepalive(socket);
    // A reconnect while the buffer is full reads only the CONNACK's chunk, then waits.
    if (this.paused) socket.pause();
  }

  private startKeepalive(socket: Socket): void {
    const periodMs = (this.options.keepaliveS ?? 30) * 1000;
    this.awaitingPong = false;
    this.keepaliveTimer = setInterval(() => {
      // While paused we cannot read the PINGRESP; the PINGREQ still keeps the broker happy.
      if (this.awaitingPong && !this.paused) {
        socket.destroy(new Error('broker stopped answering PINGREQ'));
        return;
      }
      this.awaitingPong = !this.paused;
      socket.write(this.encode({ cmd: 'pingreq' }));
    }, periodMs);
    this.keepaliveTimer.unref();
  }

  private onClose(socket: Socket, acks: AckSequencer, error: Error): void {
    acks.close();
    if (this.connectTimer) clearTimeout(this.connectTimer);
    if (this.socket === socket) this.socket = null;
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = null;
    const wasConnected = this.connected;
    this.connectedNow = false;
    this.subscribed = false;
    if (wasConnected) this.emit('disconnected', error);
    if (this.stopped) return;
    if (this.firstConnect) {
      const target = redactBrokerUrl(this.options.url);
      this.firstConnect.reject(new Error(`MQTT broker ${target}: ${error.message}`));
      this.firstConnect = null;
      return;
    }
    const delay = this.backoff.next();
    this.reconnectTimer = setTimeout(() => this.open(), delay);
  }

  private encode(packet: Partial<mqttPacket.Packet> & { cmd: mqttPacket.PacketCmd }): Buffer {
    return mqttPacket.generate(packet as mqttPacket.Packet, {
      protocolVersion: this.options.protocolVersion,
    });
  }
}
