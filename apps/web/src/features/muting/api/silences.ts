import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  silencesResponseSchema,
  silenceViewSchema,
  type CreateSilenceInput,
  type SilencesResponse,
  type SilenceView,
} from '@fleet/telemetry/api/muting';
import { apiDelete, apiGet, apiPost } from '../../../lib/api-client';

export const silencesQueryKey = ['silences'] as const;
/** The alerts feature's lists: a silence changes which alerts are marked silenced. */
const ALERTS_QUERY_KEY = ['alerts'] as const;

/** `GET /silences`: every silence, newest end first, each pending, active or expired. */
export function getSilences(signal?: AbortSignal): Promise<SilencesResponse> {
  return apiGet('/silences', silencesResponseSchema, { signal });
}

/** `POST /silences`: a 400 names the field (`matchers`, `matchers.region`, `endsAt`, `comment`). */
export function createSilence(input: CreateSilenceInput): Promise<SilenceView> {
  return apiPost('/silences', input, silenceViewSchema);
}

/** `DELETE /silences/{id}`: expires it now. */
export function expireSilence(id: string): Promise<SilenceView> {
  return apiDelete(`/silences/${encodeURIComponent(id)}`, silenceViewSchema);
}

export function silencesQueryOptions() {
  return queryOptions({ queryKey: silencesQueryKey, queryFn: ({ signal }) => getSilences(signal) });
}

export function useSilences() {
  return useQuery(silencesQueryOptions());
}

function afterChange(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: silencesQueryKey });
  void client.invalidateQueries({ queryKey: ALERTS_QUERY_KEY });
}

export function useCreateSilence() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['silences', 'create'],
    mutationFn: createSilence,
    onSuccess: () => afterChange(client),
  });
}

export function useExpireSilence() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['silences', 'expire'],
    mutationFn: expireSilence,
    onSuccess: () => afterChange(client),
  });
}
