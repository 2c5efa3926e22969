import type { SimTerminal } from '../fleet/build-fleet';
import { MinHeap } from '../min-heap';
import type { TerminalAction } from './actions';
import { terminalTimeline } from './terminal-timeline';

interface Head {
  action: TerminalAction;
  index: number;
  rest: Iterator<TerminalAction>;
}

/**
 * All terminals' actions merged into one stream ordered by `at` (ties by terminal order),
 * so the result is deterministic. `startOf` lets live runs stagger terminals (ramp-up).
 */
export function* fleetTimeline(
  terminals: readonly SimTerminal[],
  window: { from: number; to: number; announceMs?: number },
  startOf: (index: number) => number = () => window.from,
): Generator<TerminalAction> {
  const heap = new MinHeap<Head>((a, b) => a.action.at < b.action.at || (a.action.at === b.action.at && a.index < b.index));
  terminals.forEach((terminal, index) => {
    const from = startOf(index);
    if (from >= window.to) return;
    const rest = terminalTimeline(terminal.model, { ...window, from });
    const first = rest.next();
    if (!first.done) heap.push({ action: first.value, index, rest });
  });
  for (let head = heap.pop(); head; head = heap.pop()) {
    yield head.action;
    const next = head.rest.next();
    if (!next.done) heap.push({ action: next.value, index: head.index, rest: head.rest });
  }
}
