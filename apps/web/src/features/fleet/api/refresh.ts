/** Until the socket pushes live updates, the overview polls at this pace. */
export const FLEET_REFRESH_MS = 5_000;
