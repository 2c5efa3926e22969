import { useQuery } from '@tanstack/react-query';
import { technicianLoadsResponseSchema } from '@fleet/telemetry/api/dispatch-board';
import { apiGet } from '../lib/api-client';

/** `GET /dispatch/technicians` (support, admin): every technician and the orders they carry. */
export function useTechnicianLoads() {
  return useQuery({
    queryKey: ['dispatch', 'technicians'],
    queryFn: ({ signal }) => apiGet('/dispatch/technicians', technicianLoadsResponseSchema, { signal }),
  });
}
