import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { myQuietHoursSchema, type MyQuietHours } from '@fleet/telemetry/api/notifications';
import { apiGet, apiPut } from '../../../lib/api-client';

const PATH = '/users/me/quiet-hours';
export const quietHoursQueryKey = ['quiet-hours'] as const;

/** `GET /users/me/quiet-hours`: the caller's own, null for none. */
export function getQuietHours(signal?: AbortSignal): Promise<MyQuietHours> {
  return apiGet(PATH, myQuietHoursSchema, { signal });
}

/** `PUT /users/me/quiet-hours`: null clears them; a 400 names `quietHours.start` or `.end`. */
export function putQuietHours(body: MyQuietHours): Promise<MyQuietHours> {
  return apiPut(PATH, body, myQuietHoursSchema);
}

export function useQuietHours() {
  return useQuery({ queryKey: quietHoursQueryKey, queryFn: ({ signal }) => getQuietHours(signal) });
}

export function useSaveQuietHours() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['quiet-hours', 'save'],
    mutationFn: putQuietHours,
    onSuccess: (saved) => client.setQueryData(quietHoursQueryKey, saved),
  });
}
