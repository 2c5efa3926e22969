import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  createMaintenanceWindowSchema,
  createSilenceSchema,
  maintenanceWindowsResponseSchema,
  maintenanceWindowViewSchema,
  silencesResponseSchema,
  silenceViewSchema,
} from '@fleet/telemetry/api/muting';

/** OpenAPI shapes of the silences and maintenance-window routes (the schemas are libs/telemetry's). */
export class CreateSilenceDto extends createZodDto(createSilenceSchema) {}
export class SilenceViewDto extends createZodDto(silenceViewSchema) {}
export class SilencesResponseDto extends createZodDto(silencesResponseSchema) {}
export class CreateMaintenanceWindowDto extends createZodDto(createMaintenanceWindowSchema) {}
export class MaintenanceWindowViewDto extends createZodDto(maintenanceWindowViewSchema) {}
export class MaintenanceWindowsResponseDto extends createZodDto(maintenanceWindowsResponseSchema) {}

export const mutingIdParamSchema = z.object({ id: z.uuid({ message: 'must be an id (UUID)' }) });
