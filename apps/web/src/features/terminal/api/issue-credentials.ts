import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiPost } from '../../../lib/api-client';

export const credentialsSchema = z.object({ terminalId: z.string(), password: z.string() });
export type DeviceCredentials = z.infer<typeof credentialsSchema>;

/** `POST /terminals/{id}/credentials` (admin): issues or rotates the MQTT secret, shown once. */
export function issueCredentials(terminalId: string): Promise<DeviceCredentials> {
  return apiPost(`/terminals/${encodeURIComponent(terminalId)}/credentials`, {}, credentialsSchema);
}

export const issueCredentialsMutationKey = ['terminal', 'credentials'] as const;

export function useIssueCredentials() {
  return useMutation({ mutationKey: issueCredentialsMutationKey, mutationFn: issueCredentials });
}
