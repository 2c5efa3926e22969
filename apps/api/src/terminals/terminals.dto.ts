import { createZodDto } from 'nestjs-zod';
import { listTerminalsQuerySchema, terminalIdSchema } from '@fleet/telemetry/api/terminals';
import { z } from 'zod';

export class ListTerminalsQueryDto extends createZodDto(listTerminalsQuerySchema) {}
export class TerminalIdParamDto extends createZodDto(z.object({ terminalId: terminalIdSchema })) {}

export class SeriesQueryDto extends createZodDto(
  z.object({ range: z.enum(['24h', '7d', '30d']).default('24h') }),
) {}
