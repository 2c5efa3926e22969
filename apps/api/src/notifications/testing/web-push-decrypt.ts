import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
  type ECDH,
} from 'node:crypto';

/**
 * The receiving side of web push, written from the RFCs with node:crypto only, so the
 * sender (`web-push`) is checked against an independent implementation.
 */

/** A browser's push keys: its P-256 pair and the 16-byte auth secret (RFC 8291 §2). */
export interface TestSubscriber {
  ecdh: ECDH;
  /** Uncompressed public key, base64url, as `PushSubscription.toJSON().keys.p256dh`. */
  p256dh: string;
  auth: string;
}

export function createTestSubscriber(): TestSubscriber {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    ecdh,
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/**
 * Decrypts an `aes128gcm` body (RFC 8188 framing, RFC 8291 keys): header = salt(16) ‖ rs(4)
 * ‖ idlen(1) ‖ keyid (the sender's ephemeral public key), then records of rs bytes, each
 * AES-128-GCM with a 16-byte tag and a nonce XORed with its sequence number; the padding
 * delimiter is 0x02 in the last record, 0x01 in the others.
 */
export function decryptAes128gcm(body: Buffer, subscriber: TestSubscriber): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  const senderPublic = body.subarray(21, 21 + idLength);
  const records = body.subarray(21 + idLength);

  const ecdhSecret = subscriber.ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([utf8('WebPush: info\0'), subscriber.ecdh.getPublicKey(), senderPublic]);
  const ikm = Buffer.from(
    hkdfSync('sha256', ecdhSecret, Buffer.from(subscriber.auth, 'base64url'), keyInfo, 32),
  );
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, utf8('Content-Encoding: aes128gcm\0'), 16));
  const baseNonce = Buffer.from(hkdfSync('sha256', ikm, salt, utf8('Content-Encoding: nonce\0'), 12));

  const plain: Buffer[] = [];
  for (let offset = 0, seq = 0; offset < records.length; offset += recordSize, seq += 1) {
    const record = records.subarray(offset, Math.min(offset + recordSize, records.length));
    const nonce = Buffer.from(baseNonce);
    // The sequence number is 96-bit big-endian; records here are few, so its low 32 bits suffice.
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8);
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    const last = offset + recordSize >= records.length;
    plain.push(unpad(padded, last ? 2 : 1));
  }
  return Buffer.concat(plain).toString('utf8');
}

function unpad(padded: Buffer, delimiter: 1 | 2): Buffer {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (end < 0 || padded[end] !== delimiter)
    throw new Error(`record padding has no 0x0${delimiter} delimiter`);
  return padded.subarray(0, end);
}

/** The claims of a verified VAPID JWT (RFC 8292) and the key it was signed with. */
export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
  publicKey: string;
}

/** Checks `Authorization: vapid t=<JWT>, k=<key>`: ES256 over the header and claims with key k. */
export function verifyVapidAuthorization(header: string | undefined): VapidClaims {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`not a VAPID authorization: ${header}`);
  const [, token = '', key = ''] = match;
  const [head = '', claims = '', signature = ''] = token.split('.');
  const point = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    utf8(`${head}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) throw new Error('VAPID JWT signature does not verify with its k= key');
  const parsedHead = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string };
  if (parsedHead.alg !== 'ES256') throw new Error(`VAPID JWT alg ${parsedHead.alg}`);
  const body = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as Omit<
    VapidClaims,
    'publicKey'
  >;
  return { ...body, publicKey: key };
}
