import {
  type AccountUser,
  canSetAvailability,
  Role,
  type SessionUser,
  type UpdateAccountRequest,
} from '@helpdesk/shared/domain';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import { SessionsService } from '../sessions/sessions.service';
import { hashPassword, verifyPassword } from '../users/password-hasher';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';

/** What people change on their own account: name, password, and (agents) availability. */
@Injectable()
export class AccountService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
  ) {}

  /** A new password ends every other session of the caller; `sessionHash` (this one) stays. */
  async update(
    actor: SessionUser,
    sessionHash: string,
    change: UpdateAccountRequest,
  ): Promise<AccountUser> {
    if (change.available !== undefined && !canSetAvailability(actor)) {
      throw new BadRequestException('Only agents set their availability');
    }
    const passwordHash =
      change.password === undefined
        ? undefined
        : await this.newPasswordHash(actor.id, change.currentPassword, change.password);
    const user = await this.transactions.run(async (manager) => {
      const user = await this.users.findForUpdate(manager, actor.id);
      if (!user) throw new NotFoundException('User not found');
      Object.assign(user, {
        name: change.name ?? user.name,
        available: change.available ?? user.available,
        passwordHash: passwordHash ?? user.passwordHash,
      });
      await this.users.save(manager, user);
      if (passwordHash !== undefined) {
        await this.sessions.revokeOthersOf(manager, user.id, sessionHash);
      }
      return user;
    });
    this.sessions.forgetUser(user.id);
    return toAccountUser(user);
  }

  /** The hash of the new password, once the current one is confirmed (400 otherwise). */
  private async newPasswordHash(
    userId: number,
    currentPassword: string | undefined,
    password: string,
  ): Promise<string> {
    if (currentPassword === undefined) {
      throw new BadRequestException('currentPassword is required to change the password');
    }
    const user = await this.users.findById(userId);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new BadRequestException('The current password is not correct');
    }
    return hashPassword(password);
  }
}

function toAccountUser(user: UserEntity): AccountUser {
  const account: AccountUser = { id: user.id, name: user.name, email: user.email, role: user.role };
  return user.role === Role.Agent ? { ...account, available: user.available } : account;
}
