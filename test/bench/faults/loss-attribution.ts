/**
 * Why an acknowledged message is missing from the store, judged by when it was published
 * (ts) and when its PUBACK came back (ackAt), against what the bench did then:
 * - lost in a broker crash: acked within Mosquitto's unsaved window before its SIGKILL
 *   (it persists by periodic snapshot, so what it acknowledged since the last one dies
 *   with it), or acked after the kill but published before the ingestor had subscribed
 *   again (Mosquitto before 2.0.19 does not persist shared subscriptions, so until the
 *   ingestor's SUBSCRIBE it acknowledges and drops what nobody subscribes to; MQTT.js
 *   resends what the dead broker never acked, with its old ts). A message published after
 *   the ingestor was subscribed again never counts here: the fleet process may see a
 *   PUBACK late when busy, but not a PUBLISH early.
 * - anything else is the platform's loss, named by the phase it was acked in.
 */
export interface BrokerCrash {
  killedAt: number;
  /** When the ingestor was connected to the restarted broker again (its health said so). */
  resubscribedAt: number;
}

export interface Phase {
  name: string;
  from: number;
}

export interface LostMessage {
  ts: number;
  ackAt: number;
}

export interface LossReport {
  /** Platform losses by phase. */
  platform: Map<string, number>;
  /** Broker-crash losses whose PUBACK came before the kill, and after it. */
  unsavedWindow: number;
  beforeResubscribe: number;
  /** Of beforeResubscribe: published before the kill, resent by MQTT.js to the restarted broker. */
  resentAfterKill: number;
}

export const lostInBrokerCrash = (r: LossReport) => r.unsavedWindow + r.beforeResubscribe;
export const lostByPlatform = (r: LossReport) => [...r.platform.values()].reduce((a, b) => a + b, 0);

/** `unsavedMs`: Mosquitto's autosave interval plus a second for the save itself. */
export function attributeLosses(
  lost: readonly LostMessage[],
  phases: readonly Phase[],
  crashes: readonly BrokerCrash[],
  unsavedMs: number,
): LossReport {
  const report: LossReport = {
    platform: new Map(),
    unsavedWindow: 0,
    beforeResubscribe: 0,
    resentAfterKill: 0,
  };
  for (const { ts, ackAt } of lost) {
    const crash = crashes.find((c) => ackAt >= c.killedAt - unsavedMs && ts <= c.resubscribedAt);
    if (crash) {
      if (ackAt <= crash.killedAt) report.unsavedWindow += 1;
      else {
        report.beforeResubscribe += 1;
        if (ts < crash.killedAt) report.resentAfterKill += 1;
      }
      continue;
    }
    const phase = [...phases].reverse().find((p) => ackAt >= p.from)?.name ?? 'start-up';
    report.platform.set(phase, (report.platform.get(phase) ?? 0) + 1);
  }
  return report;
}
