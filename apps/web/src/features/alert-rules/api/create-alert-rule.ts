import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  alertRuleViewSchema,
  type AlertRuleView,
  type CreateAlertRuleInput,
} from '@fleet/telemetry/api/alert-rules';
import { apiPost } from '../../../lib/api-client';
import { alertRulesQueryKey } from './get-alert-rules';

/** `POST /alert-rules` (admin); a 400 names the wrong fields (ApiError.fields). */
export function createAlertRule(rule: CreateAlertRuleInput): Promise<AlertRuleView> {
  return apiPost('/alert-rules', rule, alertRuleViewSchema);
}

export function useCreateAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAlertRule,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertRulesQueryKey }),
  });
}
