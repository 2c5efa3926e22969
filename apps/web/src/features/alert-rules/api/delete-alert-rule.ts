import { useMutation, useQueryClient } from '@tanstack/react-query';
import { alertRuleViewSchema, type AlertRuleView } from '@fleet/telemetry/api/alert-rules';
import { apiDelete } from '../../../lib/api-client';
import { alertRulesQueryKey } from './get-alert-rules';

/** `DELETE /alert-rules/{id}` (admin): the rule as it was. */
export function deleteAlertRule(id: string): Promise<AlertRuleView> {
  return apiDelete(`/alert-rules/${encodeURIComponent(id)}`, alertRuleViewSchema);
}

export function useDeleteAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAlertRule,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertRulesQueryKey }),
  });
}
