import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type MyTimeZone, myTimeZoneSchema } from '@fleet/telemetry/api/report-subscriptions';
import { apiGet, apiPut } from '../../../lib/api-client';

const PATH = '/users/me/time-zone';
export const myTimeZoneQueryKey = ['users', 'me', 'time-zone'] as const;

/** `GET /users/me/time-zone`: the zone the caller's reports and schedules are read in. */
export function useMyTimeZone() {
  return useQuery({
    queryKey: myTimeZoneQueryKey,
    queryFn: ({ signal }) => apiGet(PATH, myTimeZoneSchema, { signal }),
  });
}

/** `PUT /users/me/time-zone`: a 400 names `timeZone`. Every report figure depends on the zone. */
export function useSaveTimeZone() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['users', 'me', 'time-zone', 'save'],
    mutationFn: (body: MyTimeZone) => apiPut(PATH, body, myTimeZoneSchema),
    onSuccess: async (saved) => {
      client.setQueryData(myTimeZoneQueryKey, saved);
      await client.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}
