import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { AUTH_OPTIONS, type AuthOptions } from '../auth-options';
import { hashPassword } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';

/**
 * Makes sure someone can sign in: the administrator named by FLEET_ADMIN_USER /
 * FLEET_ADMIN_PASSWORD when that user does not exist yet, or else, when there are no
 * users at all, `admin` with a generated password printed once.
 */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstAdmin');

  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminUser, adminPassword } = this.options;
    const configured = adminUser !== undefined || adminPassword !== undefined;
    if (configured) {
      if (await this.users.findByUsername(adminUser ?? 'admin')) return;
    } else if ((await this.users.count()) > 0) {
      return;
    }
    const username = adminUser ?? 'admin';
    const password = adminPassword ?? randomBytes(15).toString('base64url');
    const created = await this.users.insert({
      username,
      password_hash: await hashPassword(password),
      role: 'admin',
      regions: [],
      merchant_ids: [],
    });
    // Another instance starting at the same moment may have won; only the winner speaks.
    if (!created) return;
    await this.audit.record('system', 'user.created', `user:${username}`, {
      role: 'admin',
      firstAdmin: true,
    });
    if (adminPassword !== undefined) {
      this.logger.log(`created administrator "${username}" from FLEET_ADMIN_USER/FLEET_ADMIN_PASSWORD`);
    } else {
      this.logger.warn(
        `first start: created administrator "${username}" with password "${password}" (shown only now; set FLEET_ADMIN_PASSWORD to choose it)`,
      );
    }
  }
}
