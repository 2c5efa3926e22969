import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE, type Database } from '../storage/database';
import type { TechnicianCandidate } from './technician-assignment';

interface TechnicianRow {
  id: string;
  username: string;
  regions: string[];
  skills: TechnicianCandidate['skills'];
  home_base: TechnicianCandidate['homeBase'];
  active_orders: string | number;
}

/** Enabled technicians with what assignment needs: regions, skills, home base and current load. */
@Injectable()
export class TechniciansRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** Those whose regions hold `region`, the one with `id` (support's explicit choice), or all (the board). */
  async candidates(filter: { region: string } | { id: string } | 'all'): Promise<TechnicianCandidate[]> {
    const where =
      filter === 'all'
        ? sql`true`
        : 'region' in filter
          ? sql`${filter.region} = any(u.regions)`
          : sql`u.id = ${filter.id}`;
    const { rows } = await sql<TechnicianRow>`
      select u.id, u.username, u.regions, u.skills, u.home_base,
        (select count(*) from work_orders w
          where w.assignee = u.id and w.state in ('assigned', 'accepted', 'en_route', 'on_site')) as active_orders
      from users u
      where u.role = 'technician' and not u.disabled and ${where}
      order by u.username`.execute(this.database.db);
    return rows.map((row) => ({
      id: row.id,
      username: row.username,
      regions: row.regions,
      skills: row.skills,
      homeBase: row.home_base,
      activeOrders: Number(row.active_orders),
    }));
  }

  /** Enabled support users: they are told of breaches and failed fixes. */
  async supportUserIds(): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`
      select id from users where role = 'support' and not disabled order by username`.execute(
      this.database.db,
    );
    return rows.map((row) => row.id);
  }
}
