import type { EventSample } from './history';

/** ISO 8583 responses that point at the host: 68 late response, 91 issuer unreachable, 96 malfunction. */
const HOST_RESPONSE = /(^|\D)(68|91|96)(\D|$)/;

/** Whether an event says the network worked but the payment host did not answer. */
export function isHostFailure(event: EventSample): boolean {
  if (event.code === 'HOST_UNREACHABLE') return true;
  return event.detail !== undefined && event.code !== 'CONN_FAIL' && HOST_RESPONSE.test(event.detail);
}
