import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { DATABASE, type Database } from '../../storage/database';
import { authDb, type AuthTables } from '../auth-tables';

export interface NewRefreshToken {
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
}

export type ConsumeResult =
  | { outcome: 'ok'; userId: string; familyId: string }
  | { outcome: 'reused'; familyId: string }
  | { outcome: 'invalid' };

/** Refresh tokens by hash. A family is one login's chain of rotated tokens. */
@Injectable()
export class RefreshTokensRepository {
  private readonly db: Kysely<AuthTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = authDb(database);
  }

  async insert(token: NewRefreshToken): Promise<void> {
    await this.db
      .insertInto('refresh_tokens')
      .values({
        user_id: token.userId,
        family_id: token.familyId,
        token_hash: token.tokenHash,
        expires_at: token.expiresAt,
        used_at: null,
        revoked_at: null,
      })
      .execute();
  }

  /**
   * Marks a live token used, atomically: of two concurrent refreshes with one token,
   * exactly one wins. A token already used or revoked reports `reused`.
   */
  async consume(tokenHash: string, now: Date): Promise<ConsumeResult> {
    const won = await this.db
      .updateTable('refresh_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['user_id', 'family_id'])
      .executeTakeFirst();
    if (won) return { outcome: 'ok', userId: won.user_id, familyId: won.family_id };
    const seen = await this.db
      .selectFrom('refresh_tokens')
      .select(['family_id', 'used_at', 'revoked_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (seen && (seen.used_at !== null || seen.revoked_at !== null))
      return { outcome: 'reused', familyId: seen.family_id };
    return { outcome: 'invalid' };
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: now })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async familyOf(tokenHash: string): Promise<{ familyId: string; userId: string } | undefined> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .select(['family_id', 'user_id'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && { familyId: row.family_id, userId: row.user_id };
  }

  async revokeAllOfUser(userId: string, now: Date): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** The families that still hold a token neither revoked nor expired: logins still going. */
  async liveFamilies(familyIds: readonly string[], now: Date): Promise<Set<string>> {
    const ids = [...new Set(familyIds)];
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('refresh_tokens')
      .select('family_id')
      .distinct()
      .where('family_id', 'in', ids)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .execute();
    return new Set(rows.map((row) => row.family_id));
  }

  /** Drops tokens expired for a while, so the table does not grow without end. */
  async deleteExpiredBefore(cutoff: Date): Promise<void> {
    await this.db.deleteFrom('refresh_tokens').where('expires_at', '<', cutoff).execute();
  }
}
