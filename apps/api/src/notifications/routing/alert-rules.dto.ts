import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  alertRulesResponseSchema,
  alertRuleViewSchema,
  createAlertRuleSchema,
  updateAlertRuleSchema,
} from '@fleet/telemetry/api/alert-rules';

/** OpenAPI shapes of the alert-rules routes (the schemas are libs/telemetry's). */
export class CreateAlertRuleDto extends createZodDto(createAlertRuleSchema) {}
export class UpdateAlertRuleDto extends createZodDto(updateAlertRuleSchema) {}
export class AlertRuleViewDto extends createZodDto(alertRuleViewSchema) {}
export class AlertRulesResponseDto extends createZodDto(alertRulesResponseSchema) {}

export const alertRuleIdParamSchema = z.object({ id: z.uuid({ message: 'must be an id (UUID)' }) });
