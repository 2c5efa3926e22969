import { useQuery } from '@tanstack/react-query';
import { techniciansResponseSchema } from '@fleet/telemetry/api/work-orders';
import { apiGet } from '../lib/api-client';

/** `GET /technicians` (support, admin): every technician and the orders they carry. */
export function useTechnicianLoads() {
  return useQuery({
    queryKey: ['dispatch', 'technicians'],
    queryFn: ({ signal }) => apiGet('/technicians', techniciansResponseSchema, { signal }),
  });
}
