import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  maintenanceWindowsResponseSchema,
  maintenanceWindowViewSchema,
  type CreateMaintenanceWindowInput,
  type MaintenanceWindowsResponse,
  type MaintenanceWindowView,
} from '@fleet/telemetry/api/muting';
import { apiDelete, apiGet, apiPost, apiPut } from '../../../lib/api-client';

export const maintenanceWindowsQueryKey = ['maintenance-windows'] as const;
/** The alerts feature's lists: a window changes which alerts are marked in maintenance. */
const ALERTS_QUERY_KEY = ['alerts'] as const;
const path = (id: string) => `/maintenance-windows/${encodeURIComponent(id)}`;

/** `GET /maintenance-windows`: newest first, with `activeNow` and `nextOccurrence`. */
export function getMaintenanceWindows(signal?: AbortSignal): Promise<MaintenanceWindowsResponse> {
  return apiGet('/maintenance-windows', maintenanceWindowsResponseSchema, { signal });
}

/** `POST /maintenance-windows`, or `PUT /maintenance-windows/{id}` to replace one. */
export function saveMaintenanceWindow(
  input: CreateMaintenanceWindowInput,
  id?: string,
): Promise<MaintenanceWindowView> {
  return id === undefined
    ? apiPost('/maintenance-windows', input, maintenanceWindowViewSchema)
    : apiPut(path(id), input, maintenanceWindowViewSchema);
}

export function deleteMaintenanceWindow(id: string): Promise<MaintenanceWindowView> {
  return apiDelete(path(id), maintenanceWindowViewSchema);
}

export function useMaintenanceWindows() {
  return useQuery(
    queryOptions({
      queryKey: maintenanceWindowsQueryKey,
      queryFn: ({ signal }) => getMaintenanceWindows(signal),
    }),
  );
}

function afterChange(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: maintenanceWindowsQueryKey });
  void client.invalidateQueries({ queryKey: ALERTS_QUERY_KEY });
}

export function useSaveMaintenanceWindow() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['maintenance-windows', 'save'],
    mutationFn: ({ input, id }: { input: CreateMaintenanceWindowInput; id?: string }) =>
      saveMaintenanceWindow(input, id),
    onSuccess: () => afterChange(client),
  });
}

export function useDeleteMaintenanceWindow() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['maintenance-windows', 'delete'],
    mutationFn: deleteMaintenanceWindow,
    onSuccess: () => afterChange(client),
  });
}
