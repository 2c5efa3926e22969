import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  alertRuleViewSchema,
  type AlertRuleView,
  type UpdateAlertRuleInput,
} from '@fleet/telemetry/api/alert-rules';
import { apiPatch } from '../../../lib/api-client';
import { alertRulesQueryKey } from './get-alert-rules';

/** `PATCH /alert-rules/{id}` (admin): edit, enable or disable; absent fields stay. */
export function updateAlertRule(id: string, patch: UpdateAlertRuleInput): Promise<AlertRuleView> {
  return apiPatch(`/alert-rules/${encodeURIComponent(id)}`, patch, alertRuleViewSchema);
}

export function useUpdateAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateAlertRuleInput }) => updateAlertRule(id, patch),
    // A new position can move the rule: the list is read again in the server's order.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertRulesQueryKey }),
  });
}
