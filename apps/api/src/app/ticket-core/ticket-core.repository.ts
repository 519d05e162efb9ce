import type { TicketAccess } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rowLock } from '../../database/engine';
import { TicketEntity } from './ticket.entity';

export type TicketFields = Omit<TicketEntity, 'id' | 'owner' | 'assignee'>;

/** The ticket rows as the core knows them: found for a change, created, changed. */
@Injectable()
export class TicketCoreRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside a transaction (`manager` given), the row stays locked until it ends. */
  findOne(id: number, manager?: EntityManager): Promise<TicketEntity | null> {
    const query = (manager ?? this.dataSource.manager)
      .createQueryBuilder(TicketEntity, 't')
      .where('t.id = :id', { id });
    if (manager && rowLock(manager)) query.setLock('pessimistic_write');
    return query.getOne();
  }

  async findAccess(id: number): Promise<TicketAccess | null> {
    const ticket = await this.dataSource.manager.findOne(TicketEntity, {
      where: { id },
      select: { ownerId: true, assigneeId: true, status: true },
    });
    return ticket && toAccess(ticket);
  }

  async insert(manager: EntityManager, fields: TicketFields): Promise<number> {
    const { identifiers } = await manager.insert(TicketEntity, fields);
    return identifiers[0]?.['id'] as number;
  }

  async update(
    manager: EntityManager,
    id: number,
    fields: Partial<TicketFields> & Pick<TicketFields, 'updatedAt'>,
  ): Promise<void> {
    await manager.update(TicketEntity, { id }, fields);
  }

  /** The SLA clocks only: they move without the ticket's `updatedAt`. */
  async updateSla(
    manager: EntityManager,
    id: number,
    clocks: Pick<
      TicketFields,
      | 'firstResponseDueAt'
      | 'firstResponseWarnAt'
      | 'firstRespondedAt'
      | 'resolutionDueAt'
      | 'resolutionWarnAt'
      | 'resolvedAt'
      | 'nextDueAt'
    >,
  ): Promise<void> {
    await manager.update(TicketEntity, { id }, clocks);
  }
}

export function toAccess(ticket: Pick<TicketEntity, 'ownerId' | 'assigneeId' | 'status'>) {
  return { ownerId: ticket.ownerId, assigneeId: ticket.assigneeId, status: ticket.status };
}
