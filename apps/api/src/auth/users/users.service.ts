import { Injectable } from '@nestjs/common';
import type { UserLocale } from '@fleet/telemetry/api/users';
import { AuditService } from '../../audit/audit.service';
import { ConflictError, NotFoundError } from '../../common/errors/domain-error';
import { SessionsService } from '../session/sessions.service';
import { hashPassword } from './password-hasher';
import { planUserUpdate } from './plan-user-update';
import type { AuthUser, Role } from './role';
import { UserChanges } from './user-changes';
import type { CreateUserInput, UpdateUserInput, UserView } from './user.schemas';
import { type UserRow, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly changes: UserChanges,
  ) {}

  /** Creates a user; ConflictError when the username is taken. Audited as `user.created`. */
  async create(actor: string, input: CreateUserInput): Promise<UserView> {
    const row = await this.users.insert({
      username: input.username,
      password_hash: await hashPassword(input.password),
      role: input.role,
      regions: input.regions,
      merchant_ids: input.merchantIds,
      email: input.email,
      phone: input.phone,
      locale: input.locale,
      skills: input.skills === null ? null : JSON.stringify(input.skills),
      home_base: input.homeBase === null ? null : JSON.stringify(input.homeBase),
    });
    if (!row) throw new ConflictError(`username ${input.username} is taken`);
    await this.audit.record(actor, 'user.created', `user:${row.username}`, {
      role: row.role,
      regions: row.regions,
      merchantIds: row.merchant_ids,
      email: row.email,
      phone: row.phone,
      locale: row.locale,
      skills: row.skills,
      homeBase: row.home_base,
    });
    return toUserView(row);
  }

  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(toUserView);
  }

  async get(id: string): Promise<UserView> {
    const row = await this.users.findById(id);
    if (!row) throw new NotFoundError(`user ${id} not found`);
    return toUserView(row);
  }

  /**
   * Applies an admin's PATCH (see planUserUpdate for the rules). Audited as `user.updated`
   * with the changed fields before and after; disabling or resetting the password ends
   * every session of the user at once. Listeners of UserChanges hear of it after commit.
   */
  async update(actor: AuthUser, id: string, input: UpdateUserInput): Promise<UserView> {
    const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
    const result = await this.users.update(id, (current, otherEnabledAdminIds) =>
      planUserUpdate(current, input, { actorId: actor.id, otherEnabledAdminIds, passwordHash }),
    );
    if (!result) throw new NotFoundError(`user ${id} not found`);
    const { plan, after } = result;
    if (plan.fields.length === 0) return toUserView(after);
    if (plan.changes.disabled === true || passwordHash !== undefined) await this.sessions.endAllOf(id);
    await this.audit.record(actor.username, 'user.updated', `user:${after.username}`, {
      userId: id,
      before: plan.before,
      after: plan.after,
      ...(passwordHash === undefined ? {} : { passwordReset: true }),
    });
    this.changes.emit({ userId: id, fields: plan.fields, disabled: after.disabled });
    return toUserView(after);
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
  return {
    ...toAuthUser(row),
    email: row.email,
    phone: row.phone,
    locale: row.locale as UserLocale,
    ...(row.quiet_hours ? { quietHours: row.quiet_hours } : {}),
    ...(row.skills ? { skills: row.skills } : {}),
    ...(row.home_base ? { homeBase: row.home_base } : {}),
    timeZone: row.time_zone,
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
  };
}
