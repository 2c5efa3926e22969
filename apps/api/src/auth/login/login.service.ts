import { Injectable, Logger } from '@nestjs/common';
import { UnauthenticatedError } from '../../common/errors/domain-error';
import { type IssuedSession, SessionsService } from '../session/sessions.service';
import { decoyPasswordHash, verifyPassword } from '../users/password-hasher';
import type { AuthUser } from '../users/role';
import { toAuthUser } from '../users/users.service';
import { UsersRepository } from '../users/users.repository';
import type { LoginInput, SessionView } from './login.schemas';
import { LoginThrottle } from './login-throttle';

type FailureReason = 'unknown_user' | 'bad_password' | 'disabled';

/** Password login, throttled; every failure is logged (never the password) and looks alike to the caller. */
@Injectable()
export class LoginService {
  private readonly logger = new Logger('Login');

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
  ) {}

  async login({ username, password }: LoginInput, address: string): Promise<SessionView> {
    try {
      await this.throttle.assertAllowed(username, address);
    } catch (error) {
      this.logger.warn({ event: 'login_refused', reason: 'rate_limited', username, address });
      throw error;
    }
    const row = await this.users.findByUsername(username);
    // Unknown users still cost one hash verification, so timing does not reveal who exists.
    const matches = await verifyPassword(row?.password_hash ?? (await decoyPasswordHash()), password);
    const failure: FailureReason | undefined = !row
      ? 'unknown_user'
      : !matches
        ? 'bad_password'
        : row.disabled
          ? 'disabled'
          : undefined;
    if (failure || !row) {
      await this.throttle.recordFailure(username, address);
      this.logger.warn({ event: 'login_failed', reason: failure, username, address });
      throw new UnauthenticatedError('wrong username or password');
    }
    await this.throttle.recordSuccess(username, address);
    const user = toAuthUser(row);
    this.logger.log({ event: 'login', username, address });
    return withUser(await this.sessions.start(user), user);
  }
}

export function withUser(session: IssuedSession, user: AuthUser): SessionView {
  return {
    ...session,
    user: { username: user.username, role: user.role, regions: user.regions, merchantIds: user.merchantIds },
  };
}
