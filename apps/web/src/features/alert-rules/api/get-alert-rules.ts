import { useQuery } from '@tanstack/react-query';
import { alertRulesResponseSchema, type AlertRulesResponse } from '@fleet/telemetry/api/alert-rules';
import { apiGet } from '../../../lib/api-client';

/** `GET /alert-rules` (admin, support): every rule in the order routing reads them. */
export function getAlertRules(signal?: AbortSignal): Promise<AlertRulesResponse> {
  return apiGet('/alert-rules', alertRulesResponseSchema, { signal });
}

export const alertRulesQueryKey = ['alert-rules'] as const;

export function useAlertRules() {
  return useQuery({ queryKey: alertRulesQueryKey, queryFn: ({ signal }) => getAlertRules(signal) });
}
