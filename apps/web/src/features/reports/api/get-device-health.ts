import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type DeviceHealthReport, deviceHealthReportSchema } from '@fleet/telemetry/api/reports';
import { apiGet } from '../../../lib/api-client';
import { deviceHealthPath, type ReportRequest } from './report-query';

/** `GET /reports/device-health` as JSON: the figures the page draws. */
export function getDeviceHealth(request: ReportRequest, signal?: AbortSignal): Promise<DeviceHealthReport> {
  return apiGet(deviceHealthPath(request), deviceHealthReportSchema, { signal });
}

export const deviceHealthQueryKey = (request: ReportRequest) =>
  ['reports', 'device-health', request.from, request.to, [...request.merchantIds].sort()] as const;

export function deviceHealthQueryOptions(request: ReportRequest) {
  return queryOptions({
    queryKey: deviceHealthQueryKey(request),
    queryFn: ({ signal }) => getDeviceHealth(request, signal),
    // The last figures stay on screen, dimmed, while another period loads.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useDeviceHealth(request: ReportRequest) {
  return useQuery(deviceHealthQueryOptions(request));
}
