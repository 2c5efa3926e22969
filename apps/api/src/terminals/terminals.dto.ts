import { createZodDto } from 'nestjs-zod';
import { SERIES_RANGES } from '@fleet/telemetry/api/fleet';
import { listTerminalsQuerySchema, terminalIdSchema } from '@fleet/telemetry/api/terminals';
import { z } from 'zod';

export class ListTerminalsQueryDto extends createZodDto(listTerminalsQuerySchema) {}
export class TerminalIdParamDto extends createZodDto(z.object({ terminalId: terminalIdSchema })) {}

export class SeriesQueryDto extends createZodDto(z.object({ range: z.enum(SERIES_RANGES).default('24h') })) {}
