import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull, LessThan, MoreThan } from 'typeorm';
import { rowLock } from '../../database/engine';
import { PasswordResetTokenEntity } from './password-reset-token.entity';

/** Tokens are kept this long past their expiry (so a late click reads "expired"), then dropped. */
const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;

/** Every query of the password_reset_tokens table. */
@Injectable()
export class PasswordResetTokensRepository {
  async insert(
    manager: EntityManager,
    token: Pick<PasswordResetTokenEntity, 'tokenHash' | 'userId' | 'createdAt' | 'expiresAt'>,
  ): Promise<void> {
    const forgetBefore = new Date(token.createdAt.getTime() - KEEP_EXPIRED_MS);
    await manager.delete(PasswordResetTokenEntity, { expiresAt: LessThan(forgetBefore) });
    await manager.insert(PasswordResetTokenEntity, { ...token, usedAt: null });
  }

  /** Locked until the transaction ends. */
  findForUpdate(
    manager: EntityManager,
    tokenHash: string,
  ): Promise<PasswordResetTokenEntity | null> {
    return manager.findOne(PasswordResetTokenEntity, {
      where: { tokenHash },
      lock: rowLock(manager),
    });
  }

  /**
   * Marks every token of the user that is still usable as used at `at`; `true` when
   * `tokenHash` was one of them (of two requests using one token, only one gets `true`).
   */
  async useAllOf(
    manager: EntityManager,
    userId: number,
    tokenHash: string,
    at: Date,
  ): Promise<boolean> {
    const used = await manager.update(
      PasswordResetTokenEntity,
      { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(at) },
      { usedAt: at },
    );
    if (used.affected !== 1) return false;
    await manager.update(PasswordResetTokenEntity, { userId, usedAt: IsNull() }, { usedAt: at });
    return true;
  }
}
