import { DeliveryError } from './notification-channel';

/**
 * One HTTP request that counts as delivered on 2xx. No answer (refused, reset, timed
 * out), 408, 429 and 5xx are retried; any other answer is final.
 */
export async function deliverOverHttp(
  what: string,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new DeliveryError(`${what}: ${(error as Error).message}${cause ? ` (${cause})` : ''}`, false);
  }
  await response.body?.cancel();
  if (response.ok) return;
  const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
  throw new DeliveryError(`${what}: answered ${response.status}`, !retryable);
}
