import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  notificationPreferencesSchema,
  type NotificationPreferences,
} from '@fleet/telemetry/api/notifications';
import { apiGet, apiPut } from '../../../lib/api-client';

const PATH = '/users/me/notification-preferences';
export const notificationPreferencesQueryKey = ['notification-preferences'] as const;

/** `GET /users/me/notification-preferences`: the caller's own channels. */
export function getNotificationPreferences(signal?: AbortSignal): Promise<NotificationPreferences> {
  return apiGet(PATH, notificationPreferencesSchema, { signal });
}

/** `PUT /users/me/notification-preferences`: all three channels at once. */
export function putNotificationPreferences(
  preferences: NotificationPreferences,
): Promise<NotificationPreferences> {
  return apiPut(PATH, preferences, notificationPreferencesSchema);
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationPreferencesQueryKey,
    queryFn: ({ signal }) => getNotificationPreferences(signal),
  });
}

export function useSaveNotificationPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['notification-preferences', 'save'],
    mutationFn: putNotificationPreferences,
    onSuccess: (saved) => client.setQueryData(notificationPreferencesQueryKey, saved),
  });
}
