import {
  type Actor,
  type CannedReply,
  canEditCannedReply,
  type CreateCannedReplyRequest,
  type UpdateCannedReplyRequest,
} from '@helpdesk/shared/domain';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { CannedRepliesRepository } from './canned-replies.repository';
import type { CannedReplyEntity } from './canned-reply.entity';

/** Canned replies are shared by the whole desk; each is changed by its author or an admin. */
@Injectable()
export class CannedRepliesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly replies: CannedRepliesRepository,
  ) {}

  list(q: string | undefined): Promise<CannedReply[]> {
    return this.replies.list(q);
  }

  create(actor: Actor, request: CreateCannedReplyRequest): Promise<CannedReply> {
    const now = new Date();
    return this.transactions.run(async (manager) => {
      const id = await this.replies.insert(manager, {
        ...request,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      return this.found(manager, id);
    });
  }

  update(actor: Actor, id: number, change: UpdateCannedReplyRequest): Promise<CannedReply> {
    return this.transactions.run(async (manager) => {
      await this.editable(manager, actor, id);
      if (change.title !== undefined || change.body !== undefined) {
        await this.replies.update(manager, id, { ...change, updatedAt: new Date() });
      }
      return this.found(manager, id);
    });
  }

  async remove(actor: Actor, id: number): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.editable(manager, actor, id);
      await this.replies.delete(manager, id);
    });
  }

  /** The reply, locked, once the actor may change it: 404 when missing, 403 when not theirs. */
  private async editable(
    manager: EntityManager,
    actor: Actor,
    id: number,
  ): Promise<CannedReplyEntity> {
    const reply = await this.replies.findForUpdate(manager, id);
    if (!reply) throw new NotFoundException('Canned reply not found');
    if (!canEditCannedReply(actor, { createdBy: { id: reply.createdById } })) {
      throw new ForbiddenException('Only its author or an admin may change this canned reply');
    }
    return reply;
  }

  private async found(manager: EntityManager, id: number): Promise<CannedReply> {
    const reply = await this.replies.find(manager, id);
    if (!reply) throw new NotFoundException('Canned reply not found');
    return reply;
  }
}
