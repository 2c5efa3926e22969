import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { scopeAllows, type Scope } from '../auth/scope/scope';
import { prepareJson, type PreparedJson } from '../common/http/send-json';
import { TerminalChangeFeed } from '../live/terminal-change-feed';
import { FleetRepository, type MapRow } from '../storage/repositories/fleet.repository';
import { MapColumns } from './map-columns';

const MAX_CACHED_SCOPES = 32;

/**
 * The map's points for the whole fleet, held in memory and kept current by the change
 * feed, so `GET /fleet/map` costs an encode instead of a 100k-row join (0.5–1.3 s under
 * load). Answers are cached per scope until something visible on the map changes: a
 * heartbeat that changes nothing the map shows leaves the cached bytes valid.
 */
@Injectable()
export class FleetMapSnapshot implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('FleetMapSnapshot');
  private columns: MapColumns | undefined;
  private loading: Promise<MapColumns> | undefined;
  /** Terminals that changed while the snapshot was loading: read again once it is. */
  private changedDuringLoad = new Set<string>();
  private readonly bodies = new Map<string, PreparedJson>();
  private unsubscribe?: () => void;

  constructor(
    private readonly repository: FleetRepository,
    private readonly feed: TerminalChangeFeed,
  ) {}

  onApplicationBootstrap(): void {
    const local = this.feed.onChanged((rows) => this.apply(rows));
    const elsewhere = this.feed.onChangedElsewhere((ids) => {
      this.feed
        .rows(ids)
        .then((rows) => this.apply(rows))
        .catch((error: unknown) =>
          this.logger.warn(`reading terminals changed elsewhere failed: ${(error as Error).message}`),
        );
    });
    this.unsubscribe = () => {
      local();
      elsewhere();
    };
    // Warm up in the background so the first map view does not pay for the load.
    this.load().catch((error: unknown) =>
      this.logger.warn(`map snapshot not loaded yet: ${(error as Error).message}`),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** The answer for this scope, serialised (and cached until the map changes). */
  async body(scope: Scope): Promise<PreparedJson> {
    // An import just answered must show on the map read right after it.
    await this.feed.settled();
    const columns = await this.load();
    const key = JSON.stringify(scope);
    let body = this.bodies.get(key);
    if (!body) {
      // One answer per distinct scope in use; a flood of scopes must not hold many copies.
      if (this.bodies.size >= MAX_CACHED_SCOPES) this.bodies.clear();
      body = prepareJson(columns.payload(scope, scopeAllows));
      this.bodies.set(key, body);
    }
    return body;
  }

  /** Patches the snapshot with fresh rows; drops cached answers only when the map changed. */
  apply(rows: readonly MapRow[]): void {
    if (!this.columns) {
      if (this.loading) for (const row of rows) this.changedDuringLoad.add(row.terminal_id);
      return;
    }
    let changed = false;
    for (const row of rows) changed = this.columns.upsert(row) || changed;
    if (changed) this.bodies.clear();
  }

  private load(): Promise<MapColumns> {
    if (this.columns) return Promise.resolve(this.columns);
    this.loading ??= this.readAll().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async readAll(): Promise<MapColumns> {
    const columns = MapColumns.from(await this.repository.mapRows());
    // Rows the feed read during the load may be older than the load's own read: read those
    // terminals again (a few, so this settles even while the fleet keeps talking).
    while (this.changedDuringLoad.size > 0) {
      const stale = [...this.changedDuringLoad];
      this.changedDuringLoad = new Set();
      for (const row of await this.feed.rows(stale)) columns.upsert(row);
    }
    this.columns = columns;
    this.bodies.clear();
    return columns;
  }
}
