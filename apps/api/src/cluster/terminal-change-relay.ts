import type { ClusterSession } from './cluster-session';

export const TERMINAL_CHANGES_CHANNEL = 'fleet_terminal_changes';
/** Injection token: null in the single process, where every change is seen in-process. */
export const TERMINAL_CHANGE_RELAY = Symbol('TERMINAL_CHANGE_RELAY');

/** NOTIFY payloads must stay under 8000 bytes; ids are at most 64 characters. */
const MAX_PAYLOAD = 7_000;

type ChangedListener = (terminalIds: string[]) => void;

/**
 * Tells the other processes of a cluster which terminals changed here (committed messages,
 * new risk assessments), so what each keeps in memory from the database (the fleet map's
 * snapshot) stays current wherever the change was made. Socket pushes do not need it: the
 * Redis adapter already carries them. Payload `<node id> id,id,…`; a process ignores its own.
 */
export class TerminalChangeRelay {
  private readonly listeners = new Set<ChangedListener>();

  constructor(
    private readonly session: ClusterSession,
    private readonly nodeId: string,
    private readonly log: (line: string) => void,
  ) {}

  async start(): Promise<void> {
    this.session.on('notification', (channel, payload) => {
      if (channel === TERMINAL_CHANGES_CHANNEL) this.receive(payload);
    });
    await this.session.listen(TERMINAL_CHANGES_CHANNEL);
  }

  onChanged(listener: ChangedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fire and forget: a lost announcement costs staleness until the terminal changes again, never data. */
  announce(terminalIds: readonly string[]): void {
    for (const payload of payloads(this.nodeId, terminalIds))
      this.session
        .query('select pg_notify($1, $2)', [TERMINAL_CHANGES_CHANNEL, payload])
        .catch((error: unknown) =>
          this.log(`cluster: announcing terminal changes failed: ${(error as Error).message}`),
        );
  }

  private receive(payload: string): void {
    const space = payload.indexOf(' ');
    if (space < 0 || payload.slice(0, space) === this.nodeId) return;
    const ids = payload
      .slice(space + 1)
      .split(',')
      .filter(Boolean);
    for (const listener of this.listeners) listener(ids);
  }
}

/** The ids in as few payloads as fit under NOTIFY's limit. */
export function payloads(nodeId: string, terminalIds: readonly string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let length = nodeId.length + 1;
  for (const id of terminalIds) {
    if (current.length > 0 && length + id.length + 1 > MAX_PAYLOAD) {
      out.push(`${nodeId} ${current.join(',')}`);
      current = [];
      length = nodeId.length + 1;
    }
    current.push(id);
    length += id.length + 1;
  }
  if (current.length > 0) out.push(`${nodeId} ${current.join(',')}`);
  return out;
}
