import type { Scope } from '../auth/scope/scope';

/**
 * Rooms mirror scopes: admins and support join `all`, technicians one room per region,
 * account managers one per merchant. An event is sent to the rooms of the terminal's
 * place, so nobody receives what their scope would hide.
 */
export const ALL_ROOM = 'all';
export const regionRoom = (region: string) => `region:${region}`;
export const merchantRoom = (merchantId: string) => `merchant:${merchantId}`;
/** Each user's own sockets, for what is nobody else's (the inbox count). */
export const userRoom = (userId: string) => `user:${userId}`;
export const TERMINAL_ROOM_PREFIX = 'terminal:';
export const terminalRoom = (terminalId: string) => `${TERMINAL_ROOM_PREFIX}${terminalId}`;

export function roomsForScope(scope: Scope): string[] {
  switch (scope.kind) {
    case 'all':
      return [ALL_ROOM];
    case 'regions':
      return scope.regions.map(regionRoom);
    case 'merchants':
      return scope.merchantIds.map(merchantRoom);
  }
}

export function roomsForPlace(place: { region: string | null; merchantId: string | null }): string[] {
  const rooms = [ALL_ROOM];
  if (place.region) rooms.push(regionRoom(place.region));
  if (place.merchantId) rooms.push(merchantRoom(place.merchantId));
  return rooms;
}
