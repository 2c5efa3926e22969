import type { FaultKind, FaultLabel } from '../faults/fault';
import type { Fleet } from '../fleet/build-fleet';
import type { HistoryMessage } from '../history/generate-history';

/** Messages of one history grouped by terminal, with helpers to find faulty terminals. */
export class HistoryIndex {
  private readonly byTerminal = new Map<string, HistoryMessage[]>();

  constructor(
    readonly fleet: Fleet,
    readonly messages: readonly HistoryMessage[],
  ) {
    for (const m of messages) {
      const list = this.byTerminal.get(m.terminalId) ?? [];
      list.push(m);
      this.byTerminal.set(m.terminalId, list);
    }
  }

  of(terminalId: string, channel?: HistoryMessage['channel']): HistoryMessage[] {
    const all = this.byTerminal.get(terminalId) ?? [];
    return channel ? all.filter((m) => m.channel === channel) : all;
  }

  /** Terminals carrying a fault of this kind, with its label. */
  withFault(kind: FaultKind): { terminalId: string; fault: FaultLabel }[] {
    return this.fleet.labels.flatMap((l) => l.faults.filter((f) => f.kind === kind).map((fault) => ({ terminalId: l.terminalId, fault })));
  }
}

/** Device time of a payload in epoch ms, whichever way the firmware wrote it. */
export function deviceTs(m: HistoryMessage): number {
  const ts = m.payload.ts;
  return typeof ts === 'number' ? ts : Date.parse(String(ts));
}

export function num(m: HistoryMessage | undefined, field: string): number {
  return Number(m?.payload[field]);
}
