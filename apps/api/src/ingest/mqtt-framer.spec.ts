import * as mqttPacket from 'mqtt-packet';
import { describe, expect, it } from 'vitest';
import { MalformedPacketError, MqttFramer, type FramedPublish } from './mqtt-framer';

type Version = 4 | 5;

const generate = (packet: Partial<mqttPacket.Packet> & { cmd: mqttPacket.PacketCmd }, version: Version) =>
  mqttPacket.generate(packet as mqttPacket.Packet, { protocolVersion: version });

/** What a broker sends a subscriber: CONNACK, SUBACK, publishes of every size and QoS, PINGRESP. */
function brokerStream(version: Version): { bytes: Buffer; publishes: FramedPublish[]; others: string[] } {
  const publishes: FramedPublish[] = [
    { topic: 'fleet/v1/T-1/heartbeat', payload: Buffer.from('{"ts":1,"seq":0}'), qos: 1, messageId: 1 },
    { topic: 'fleet/v1/T-2/event', payload: Buffer.from('{"detail":"终端"}'), qos: 0 },
    // A payload over 16 KiB needs three length bytes.
    { topic: 'fleet/v1/T-3/sim', payload: Buffer.alloc(20_000, 0x61), qos: 1, messageId: 65_535 },
    { topic: 'fleet/v1/终端/status', payload: Buffer.alloc(0), qos: 1, messageId: 7 },
  ];
  const parts: Buffer[] = [
    generate({ cmd: 'connack', returnCode: 0, reasonCode: 0, sessionPresent: true }, version),
    generate({ cmd: 'suback', messageId: 1, granted: [1] }, version),
  ];
  publishes.forEach((p, i) => {
    parts.push(
      generate(
        {
          cmd: 'publish',
          topic: p.topic,
          payload: p.payload,
          qos: p.qos as 0 | 1,
          messageId: p.messageId,
          dup: false,
          retain: i === 3,
          // Properties a v5 broker may add, which the framer skips.
          ...(version === 5
            ? { properties: { messageExpiryInterval: 60, userProperties: { hop: 'a' } } }
            : {}),
        },
        version,
      ),
    );
    if (i === 1) parts.push(generate({ cmd: 'pingresp' }, version));
  });
  return { bytes: Buffer.concat(parts), publishes, others: ['connack', 'suback', 'pingresp'] };
}

function frame(version: Version, chunks: Buffer[]) {
  const publishes: FramedPublish[] = [];
  const others: string[] = [];
  const parser = mqttPacket.parser({ protocolVersion: version });
  parser.on('packet', (packet: mqttPacket.Packet) => others.push(packet.cmd));
  const framer = new MqttFramer(version, {
    publish: (p) => publishes.push({ ...p, payload: Buffer.from(p.payload) }),
    other: (packet) => parser.parse(packet),
  });
  for (const chunk of chunks) framer.push(chunk);
  return { publishes, others };
}

const expected = (p: FramedPublish) => (p.qos === 0 ? { ...p, messageId: undefined } : p);

describe.each([4, 5] as const)('MqttFramer, MQTT version %i', (version) => {
  const stream = brokerStream(version);

  it('reads every packet of a stream that arrives in one chunk', () => {
    const { publishes, others } = frame(version, [stream.bytes]);
    expect(publishes).toEqual(stream.publishes.map(expected));
    expect(others).toEqual(stream.others);
  });

  it('reads the same whatever the stream is cut into', () => {
    for (const size of [1, 2, 3, 5, 64, 4096]) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < stream.bytes.length; at += size)
        chunks.push(stream.bytes.subarray(at, at + size));
      const { publishes, others } = frame(version, chunks);
      expect(publishes, `chunks of ${size} bytes`).toEqual(stream.publishes.map(expected));
      expect(others).toEqual(stream.others);
    }
  });

  it('rejects a length field of more than four bytes', () => {
    const framer = new MqttFramer(version, { publish: () => undefined, other: () => undefined });
    expect(() => framer.push(Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]))).toThrow(
      MalformedPacketError,
    );
  });

  it('rejects a PUBLISH whose topic runs past the packet', () => {
    const framer = new MqttFramer(version, { publish: () => undefined, other: () => undefined });
    // Remaining length 4, topic length 10.
    expect(() => framer.push(Buffer.from([0x32, 0x04, 0x00, 0x0a, 0x61, 0x62]))).toThrow(
      MalformedPacketError,
    );
  });

  it('rejects a PUBLISH with QoS 3', () => {
    const framer = new MqttFramer(version, { publish: () => undefined, other: () => undefined });
    expect(() => framer.push(Buffer.from([0x36, 0x03, 0x00, 0x01, 0x61]))).toThrow(MalformedPacketError);
  });
});
