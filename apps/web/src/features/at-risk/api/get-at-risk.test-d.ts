import type { AtRiskItem } from '@fleet/telemetry/api/risk';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { atRiskItemSchema } from './get-at-risk';

// A type test: checked by `vitest run` (typecheck mode) and `npm run typecheck`, never at runtime.
describe('atRiskItemSchema', () => {
  it("accepts every shape the API's AtRiskItem type allows", () => {
    expectTypeOf<AtRiskItem>().toExtend<z.input<typeof atRiskItemSchema>>();
  });
});
