import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ReportCadence,
  type ReportSubscriptionInput,
  reportSubscriptionListSchema,
  reportSubscriptionSchema,
} from '@fleet/telemetry/api/report-subscriptions';
import { z } from 'zod';
import { apiDelete, apiGet, apiPut } from '../../../lib/api-client';

export const subscriptionsQueryKey = ['reports', 'subscriptions'] as const;
const path = (cadence: ReportCadence) => `/reports/subscriptions/${cadence}`;

/** `GET /reports/subscriptions`: the caller's, each with its next run. */
export function useReportSubscriptions() {
  return useQuery({
    queryKey: subscriptionsQueryKey,
    queryFn: ({ signal }) => apiGet('/reports/subscriptions', reportSubscriptionListSchema, { signal }),
  });
}

/** `PUT /reports/subscriptions/{cadence}`: creates or replaces; a 400/403 names `merchantIds.N`. */
export function useSaveSubscription(cadence: ReportCadence) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['reports', 'subscriptions', cadence, 'save'],
    mutationFn: (input: ReportSubscriptionInput) => apiPut(path(cadence), input, reportSubscriptionSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: subscriptionsQueryKey }),
  });
}

/** `DELETE /reports/subscriptions/{cadence}`: 204; the archived reports stay. */
export function useDeleteSubscription(cadence: ReportCadence) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['reports', 'subscriptions', cadence, 'delete'],
    mutationFn: () => apiDelete(path(cadence), z.undefined()),
    onSuccess: () => client.invalidateQueries({ queryKey: subscriptionsQueryKey }),
  });
}
