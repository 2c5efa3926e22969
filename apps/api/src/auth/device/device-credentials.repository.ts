import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE, type Database } from '../../storage/database';
import { authDb, type AuthTables } from '../auth-tables';

export interface DeviceCredentialRow {
  terminalId: string;
  secretHash: string;
  brokerHash: string;
  rotatedAt: Date;
}

@Injectable()
export class DeviceCredentialsRepository {
  private readonly db: Kysely<AuthTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = authDb(database);
  }

  /** Stores the terminal's new secret hashes; true when one existed before (a rotation). */
  async upsert(row: DeviceCredentialRow): Promise<boolean> {
    const previous = await this.db
      .selectFrom('device_credentials')
      .select('terminal_id')
      .where('terminal_id', '=', row.terminalId)
      .executeTakeFirst();
    await this.db
      .insertInto('device_credentials')
      .values({
        terminal_id: row.terminalId,
        secret_hash: row.secretHash,
        broker_hash: row.brokerHash,
        rotated_at: row.rotatedAt,
      })
      .onConflict((oc) =>
        oc.column('terminal_id').doUpdateSet({
          secret_hash: row.secretHash,
          broker_hash: row.brokerHash,
          rotated_at: row.rotatedAt,
        }),
      )
      .execute();
    return previous !== undefined;
  }

  async secretHashOf(terminalId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('device_credentials')
      .select('secret_hash')
      .where('terminal_id', '=', terminalId)
      .executeTakeFirst();
    return row?.secret_hash;
  }

  /** Every terminal's broker hash, for an external broker's password file. */
  async brokerHashes(): Promise<Array<{ terminalId: string; brokerHash: string }>> {
    const rows = await this.db
      .selectFrom('device_credentials')
      .select(['terminal_id', 'broker_hash'])
      .orderBy('terminal_id')
      .execute();
    return rows.map((row) => ({ terminalId: row.terminal_id, brokerHash: row.broker_hash }));
  }
}
