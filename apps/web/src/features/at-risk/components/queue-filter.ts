import type { AtRiskItem } from '@fleet/telemetry/api/risk';
import type { CauseCode } from '@fleet/telemetry/causes';

/** How many queued terminals carry each cause, most common first. */
export function countByCause(items: readonly AtRiskItem[]): Map<CauseCode, number> {
  const counts = new Map<CauseCode, number>();
  for (const item of items)
    for (const cause of item.causes) counts.set(cause.code, (counts.get(cause.code) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
}

/** Items with any of the selected causes; no selection keeps all. */
export function filterByCauses(items: readonly AtRiskItem[], selected: ReadonlySet<CauseCode>): AtRiskItem[] {
  if (selected.size === 0) return [...items];
  return items.filter((item) => item.causes.some((cause) => selected.has(cause.code)));
}

/** Applies a `risk.changed` push: drop removed ids, replace or add upserted items, highest risk first. */
export function applyRiskChange(
  items: readonly AtRiskItem[],
  upserted: readonly AtRiskItem[],
  removed: readonly string[],
): AtRiskItem[] {
  const previous = new Map(items.map((item) => [item.terminalId, item]));
  const gone = new Set([...removed, ...upserted.map((item) => item.terminalId)]);
  const kept = items.filter((item) => !gone.has(item.terminalId));
  // A push carries the new assessment only: merchant, place and "contacted" stay as known.
  const merged = upserted.map((item) => ({ ...previous.get(item.terminalId), ...withoutUnset(item) }));
  return [...kept, ...merged].sort((a, b) => b.riskScore - a.riskScore);
}

function withoutUnset(item: AtRiskItem): AtRiskItem {
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as AtRiskItem;
}
