import { Injectable } from '@nestjs/common';
import type { AlertView } from '@fleet/telemetry/api/alerts';
import type { AlertRow } from '../alerts.repository';
import { alertView } from '../alert-view';
import { alertPlace } from './alert-place';
import { mutingOf, type MaintenanceWindow, type Silence } from './muting-rules';
import { MutingRepository } from './muting.repository';

/** The silences and windows that could hold alerts back at one moment. */
export interface MutingSnapshot {
  at: number;
  silences: Silence[];
  windows: MaintenanceWindow[];
}

/**
 * Marks alert views held back by a silence or a maintenance window (`silenced`, and which
 * one), read fresh from the database so a silence made a moment ago holds at once.
 */
@Injectable()
export class AlertMuting {
  constructor(private readonly repository: MutingRepository) {}

  async snapshot(at: Date): Promise<MutingSnapshot> {
    const [silences, windows] = await Promise.all([
      this.repository.liveSilences(at),
      this.repository.windows(),
    ]);
    return {
      at: at.getTime(),
      silences: silences.map((s) => ({
        id: s.id,
        matchers: s.matchers,
        startsAt: new Date(s.starts_at).getTime(),
        endsAt: new Date(s.ends_at).getTime(),
      })),
      windows: windows.map((w) => ({ id: w.id, scope: w.scope, schedule: w.schedule })),
    };
  }

  /** The alert's view, marked when `snapshot` holds it back. */
  view(row: AlertRow, snapshot: MutingSnapshot): AlertView {
    const view = alertView(row);
    // Resolved alerts are history: what held them back then is not what holds them now.
    if (
      row.state === 'resolved' &&
      row.resolved_at !== null &&
      snapshot.at > new Date(row.resolved_at).getTime()
    )
      return view;
    const muting = mutingOf(alertPlace(row), snapshot.silences, snapshot.windows, snapshot.at);
    if (muting.silenceId === undefined && muting.maintenanceWindowId === undefined) return view;
    return { ...view, silenced: true, ...muting };
  }
}
