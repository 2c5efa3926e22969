/** Socket pushes keep the overview live; this slow poll only heals a missed push. */
export const FLEET_REFRESH_MS = 30_000;
