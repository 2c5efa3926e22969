import { sql, type Kysely } from 'kysely';

/**
 * Plans of the statements behind the measured endpoints, for the report. Each mirrors the
 * repository's SQL (RiskRepository.atRisk for an admin, FleetRepository.map, the 30-day
 * SeriesRepository.signal) with EXPLAIN ANALYZE in front; if those change, update these.
 */
const STATEMENTS: ReadonlyArray<[name: string, build: (terminalId: string) => ReturnType<typeof sql>]> = [
  [
    'at-risk (limit 200)',
    () => sql`explain (analyze, buffers, costs off)
      select l.terminal_id, l.risk_score, l.causes, t.merchant_id, t.merchant_name, t.region, t.lat, t.lon,
        l.online, l.last_seen_at, c.contacted_by, c.contacted_at, c.note as contact_note
      from terminal_latest l
      left join terminals t on t.terminal_id = l.terminal_id
      left join lateral (
        select contacted_by, contacted_at, note from merchant_contacts m
        where m.terminal_id = l.terminal_id and m.contacted_at >= now() - interval '1 day'
        order by contacted_at desc limit 1
      ) c on true
      where jsonb_array_length(l.causes) > 0 and true and true
      order by l.risk_score desc, l.terminal_id
      limit 200`,
  ],
  [
    'fleet map',
    () => sql`explain (analyze, buffers, costs off)
      select t.terminal_id, t.lat, t.lon, l.online, l.risk_score,
        l.causes -> 0 ->> 'code' as top_cause, t.region,
        coalesce(l.signal ->> 'mccMnc', l.sim ->> 'mccMnc') as mcc_mnc, t.merchant_id
      from terminals t
      left join terminal_latest l on l.terminal_id = t.terminal_id
      where t.lat is not null and t.lon is not null and true
      order by t.terminal_id`,
  ],
  [
    'series 30d signal',
    (id) => sql`explain (analyze, buffers, costs off)
      select date_bin('14400 seconds'::interval, bucket, 'epoch') as t,
        sum(avg_rsrp_dbm * samples) / nullif(sum(samples) filter (where avg_rsrp_dbm is not null), 0) as rsrp_dbm
      from signal_hourly
      where terminal_id = ${id} and bucket >= now() - interval '30 days' and bucket < now()
      group by 1 order by 1`,
  ],
];

/** Runs each plan; returns printable lines (plan nodes and the execution time). */
export async function explainQueries(db: Kysely<unknown>, terminalId: string): Promise<string[]> {
  const lines: string[] = [];
  for (const [name, build] of STATEMENTS) {
    const { rows } = await build(terminalId).execute(db);
    const plan = (rows as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']);
    lines.push(`  plan of ${name}:`, ...plan.map((line) => `    ${line}`));
  }
  return lines;
}
