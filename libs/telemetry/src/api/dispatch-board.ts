import { z } from 'zod';

/** `GET /dispatch/technicians`: support's dispatch board, every enabled technician and their load. */
export const technicianLoadSchema = z.object({
  id: z.string(),
  username: z.string(),
  regions: z.array(z.string()),
  /** Orders assigned, accepted, en route or on site. */
  activeOrders: z.number().int().min(0),
  homeBase: z.object({ lat: z.number(), lon: z.number() }).optional(),
});
export type TechnicianLoad = z.infer<typeof technicianLoadSchema>;

export const technicianLoadsResponseSchema = z.object({ items: z.array(technicianLoadSchema) });
export type TechnicianLoadsResponse = z.infer<typeof technicianLoadsResponseSchema>;
