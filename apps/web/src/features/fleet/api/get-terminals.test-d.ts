import type { TerminalListView, TerminalStateView } from '@fleet/telemetry/api/terminals';
import { describe, expectTypeOf, it } from 'vitest';
import type { TerminalListItem, TerminalPage } from './get-terminals';

// A type test: checked by `vitest run` (typecheck mode) and `npm run typecheck`, never at runtime.
describe('terminalPageSchema', () => {
  it("accepts every shape the API's TerminalListView type allows", () => {
    expectTypeOf<TerminalStateView>().toExtend<TerminalListItem>();
    expectTypeOf<TerminalListView>().toExtend<TerminalPage>();
  });
});
