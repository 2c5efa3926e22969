import type { CauseCode } from '@fleet/telemetry/causes';
import { DEFAULT_RISK_CONFIG } from '@fleet/telemetry/risk/config';
import { buildFleet } from '@fleet/simulator/fleet/build-fleet';
import type { TerminalLabel } from '@fleet/simulator/fleet/labels';
import { generateHistory } from '@fleet/simulator/history/generate-history';
import { publishHistory } from '@fleet/simulator/history/publish-history';
import type { Database } from '../../apps/api/src/storage/database';
import { startRiskPlatform } from '../../apps/api/src/risk/testing/risk-test-platform';
import { firstAppearance } from './history-as-of';
import { fleetOptions, type Scenario } from './scenarios';
import { scoreRisk, type Judged, type RiskScore } from './score-risk';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * The label's expected causes, less those of faults whose signature has not reached the
 * telemetry yet (onsetAt, by the label's own definition, is when it first shows): no
 * engine can see those, whatever the label's expectedFrom says.
 */
export function observableCauses(label: TerminalLabel, now: number): CauseCode[] {
  const visible = label.faults.filter((f) => f.onsetAt <= now);
  return label.expectedCauses.filter((code) =>
    visible.some((f) => !f.hardNegative && f.causes.includes(code)),
  );
}

const INCIDENT_CAUSES: ReadonlySet<CauseCode> = new Set(['CARRIER_OUTAGE', 'HOST_MAINTENANCE']);

export interface ScenarioResult {
  scenario: Scenario;
  score: RiskScore;
  messages: number;
  ingestSeconds: number;
  incidents: string[];
}

/**
 * Runs one scenario end to end: builds the labelled fleet, starts the real pipeline (embedded
 * broker, ingest, storage, RiskService) over `database`, imports the registry, publishes the
 * history through MQTT, waits until every message is ingested, sweeps, reads the at-risk list
 * as GET /terminals/at-risk would, and scores it against the labels. The engine's clock is
 * held at `now`, the end of the history and the moment the labels describe.
 */
export async function runScenario(
  scenario: Scenario,
  database: Database,
  log: (line: string) => void = () => undefined,
  now = Math.floor(Date.now() / 60_000) * 60_000,
): Promise<ScenarioResult> {
  const fleet = buildFleet(fleetOptions(scenario, now));
  const platform = await startRiskPlatform({ database, risk: { now: () => now, sweepIntervalMs: 60_000 } });
  try {
    await platform.terminals.importTerminals(fleet.importRows);
    const started = Date.now();
    const progress = await publishHistory({
      brokerUrl: platform.brokerUrl,
      messages: generateHistory({ fleet, from: now - scenario.days * DAY, to: now }),
    });
    if (progress.errors > 0)
      throw new Error(`publishing failed ${progress.errors} times: ${progress.lastError}`);
    await platform.ingested(progress.published);
    const ingestSeconds = (Date.now() - started) / 1000;
    log(`${scenario.name}: ${progress.published} messages ingested in ${ingestSeconds.toFixed(0)} s`);
    // The history arrived late in bulk; judge it once the ingest counts as caught up.
    await platform.caughtUp();
    await platform.risk.settled();
    await platform.risk.sweep();
    await platform.risk.settled();

    const { items } = await platform.risk.atRisk({ kind: 'all' }, { limit: 5000 });
    const predicted = new Map(items.map((i) => [i.terminalId, i.causes.map((c) => c.code)]));
    const historyFrom = now - scenario.days * DAY;
    const judged: Judged[] = fleet.labels.map((label) => {
      const codes = predicted.get(label.terminalId) ?? [];
      const lead: Partial<Record<CauseCode, number>> = {};
      const history = platform.risk.history(label.terminalId);
      for (const code of codes) {
        const failureAt = label.faults.find(
          (f) => f.causes.includes(code) && f.failureAt !== undefined,
        )?.failureAt;
        // A failure before the published history began has no measurable lead.
        if (failureAt === undefined || failureAt < historyFrom || history === undefined) continue;
        const first = INCIDENT_CAUSES.has(code)
          ? now
          : firstAppearance(history, code, now, DEFAULT_RISK_CONFIG);
        lead[code] = (failureAt - first) / HOUR;
      }
      return { terminalId: label.terminalId, expected: observableCauses(label, now), predicted: codes, lead };
    });
    return {
      scenario,
      score: scoreRisk(judged),
      messages: progress.published,
      ingestSeconds,
      incidents: platform.risk.incidents().map((i) => `${i.id} (${i.terminalCount} terminals)`),
    };
  } finally {
    await platform.close();
  }
}
