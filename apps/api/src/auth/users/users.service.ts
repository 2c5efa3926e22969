import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { ConflictError } from '../../common/errors/domain-error';
import { hashPassword } from './password-hasher';
import type { AuthUser, Role } from './role';
import type { CreateUserInput, UserView } from './user.schemas';
import { type UserRow, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  /** Creates a user; ConflictError when the username is taken. Audited as `user.created`. */
  async create(actor: string, input: CreateUserInput): Promise<UserView> {
    const row = await this.users.insert({
      username: input.username,
      password_hash: await hashPassword(input.password),
      role: input.role,
      regions: input.regions,
      merchant_ids: input.merchantIds,
    });
    if (!row) throw new ConflictError(`username ${input.username} is taken`);
    await this.audit.record(actor, 'user.created', `user:${row.username}`, {
      role: row.role,
      regions: row.regions,
      merchantIds: row.merchant_ids,
    });
    return toUserView(row);
  }

  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(toUserView);
  }

  /** The user as stored now, unless removed or disabled (used when refreshing a session). */
  async activeById(id: string): Promise<AuthUser | undefined> {
    const row = await this.users.findById(id);
    return row && !row.disabled ? toAuthUser(row) : undefined;
  }
}

export function toAuthUser(row: UserRow): AuthUser {
  return {
    id: row.id,
    username: row.username,
    role: row.role as Role,
    regions: row.regions,
    merchantIds: row.merchant_ids,
  };
}

export function toUserView(row: UserRow): UserView {
  return { ...toAuthUser(row), disabled: row.disabled, createdAt: row.created_at.toISOString() };
}
