/** A PUBLISH as the ingestor needs it: where, what, and how to acknowledge it. */
export interface FramedPublish {
  topic: string;
  payload: Buffer;
  qos: number;
  /** Present for QoS 1 and 2. */
  messageId?: number;
}

export interface MqttFramerHandlers {
  publish: (packet: FramedPublish) => void;
  /** Any other packet, whole (fixed header included): for mqtt-packet's parser. */
  other: (packet: Buffer) => void;
}

const PUBLISH = 3;
/** Four length bytes at most, so a remaining length is below 2^28 (MQTT 3.1.1 §2.2.3, 5.0 §1.5.5). */
const MAX_LENGTH_BYTES = 4;

export class MalformedPacketError extends Error {}

/**
 * Splits the broker's byte stream into MQTT packets and decodes PUBLISH itself; the rare
 * other packets (CONNACK, SUBACK, PINGRESP, DISCONNECT) go whole to mqtt-packet. Why:
 * mqtt-packet's general parser (a buffer list, a debug call per field, a packet object
 * with properties) was 22% of the ingestor's CPU under load, more than validation; this
 * reads a PUBLISH in place and hands on a view of its payload.
 * MQTT 5 properties of a PUBLISH are skipped: none of them matters to the ingestor, and
 * topic aliases never come as the subscriber does not allow any in its CONNECT.
 */
export class MqttFramer {
  private pending: Buffer | null = null;

  constructor(
    private readonly protocolVersion: 4 | 5,
    private readonly handlers: MqttFramerHandlers,
  ) {}

  /** Feeds bytes as they arrive; throws MalformedPacketError on a broken stream. */
  push(chunk: Buffer): void {
    const data = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    let offset = 0;
    while (offset < data.length) {
      const header = readRemainingLength(data, offset + 1);
      if (header === null) break;
      const end = header.bodyStart + header.length;
      if (end > data.length) break;
      if (data[offset]! >> 4 === PUBLISH) this.publish(data, offset, header.bodyStart, end);
      else this.handlers.other(data.subarray(offset, end));
      offset = end;
    }
    // Copied, so a partial packet does not keep a whole socket chunk alive while it waits.
    this.pending = offset < data.length ? Buffer.from(data.subarray(offset)) : null;
  }

  private publish(data: Buffer, start: number, bodyStart: number, end: number): void {
    const qos = (data[start]! >> 1) & 0b11;
    if (qos === 3) throw new MalformedPacketError('PUBLISH with QoS 3');
    let position = bodyStart;
    const need = (bytes: number) => {
      if (position + bytes > end) throw new MalformedPacketError('PUBLISH shorter than its fields');
    };
    need(2);
    const topicLength = data.readUInt16BE(position);
    position += 2;
    need(topicLength);
    const topic = data.toString('utf8', position, position + topicLength);
    position += topicLength;
    let messageId: number | undefined;
    if (qos > 0) {
      need(2);
      messageId = data.readUInt16BE(position);
      position += 2;
    }
    if (this.protocolVersion === 5) {
      const properties = readRemainingLength(data, position);
      if (properties === null) throw new MalformedPacketError('PUBLISH properties cut short');
      position = properties.bodyStart + properties.length;
      need(0);
    }
    this.handlers.publish({ topic, payload: data.subarray(position, end), qos, messageId });
  }
}

/**
 * The variable byte integer at `position` (a remaining or property length) and where what
 * it measures begins; null when the bytes have not all arrived yet.
 */
function readRemainingLength(data: Buffer, position: number): { length: number; bodyStart: number } | null {
  let length = 0;
  for (let i = 0; i < MAX_LENGTH_BYTES; i++) {
    if (position + i >= data.length) return null;
    const byte = data[position + i]!;
    length += (byte & 0x7f) * 128 ** i;
    if ((byte & 0x80) === 0) return { length, bodyStart: position + i + 1 };
  }
  throw new MalformedPacketError('length field longer than four bytes');
}
