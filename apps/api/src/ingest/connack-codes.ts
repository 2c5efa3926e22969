/** Human words for CONNACK return codes (3.1.1) and reason codes (5.0). */
const CODES: Record<number, string> = {
  1: 'unacceptable protocol version',
  2: 'client id rejected',
  3: 'server unavailable',
  4: 'bad username or password',
  5: 'not authorized',
  0x80: 'unspecified error',
  0x84: 'unsupported protocol version',
  0x85: 'client id not valid',
  0x86: 'bad username or password',
  0x87: 'not authorized',
  0x88: 'server unavailable',
  0x89: 'server busy',
  0x8a: 'banned',
};

export function describeConnackCode(code: number): string {
  return `${CODES[code] ?? 'refused'} (code ${code})`;
}
