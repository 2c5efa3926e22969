import { performance } from 'node:perf_hooks';

export interface Download {
  ms: number;
  bytes: number;
  /** CRLF-terminated lines (a CSV's records when no field holds a line break). */
  lines: number;
  head: Buffer;
  tail: Buffer;
  /** The whole body, when asked to keep it. */
  body?: Buffer;
}

/**
 * GET /reports/device-health as a client downloads it: the clock runs from the request to
 * the last byte, read as it arrives (a streamed CSV is never held here either).
 */
export async function downloadReport(
  api: string,
  token: string,
  query: string,
  accept: 'text/csv' | 'application/pdf',
  keep = false,
): Promise<Download> {
  const started = performance.now();
  const response = await fetch(`${api}/reports/device-health?${query}`, {
    headers: { authorization: `Bearer ${token}`, accept },
  });
  if (response.status !== 200 || !response.body)
    throw new Error(
      `GET /reports/device-health (${accept}) answered ${response.status}: ${await response.text()}`,
    );
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith(accept)) throw new Error(`asked for ${accept}, got ${type}`);
  let bytes = 0;
  let lines = 0;
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  const kept: Buffer[] = [];
  for await (const chunk of response.body) {
    const buffer = Buffer.from(chunk);
    bytes += buffer.length;
    for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) lines++;
    if (head.length < 64) head = Buffer.concat([head, buffer]).subarray(0, 64);
    tail = Buffer.concat([tail, buffer]).subarray(-64);
    if (keep) kept.push(buffer);
  }
  return {
    ms: performance.now() - started,
    bytes,
    lines,
    head,
    tail,
    ...(keep ? { body: Buffer.concat(kept) } : {}),
  };
}
