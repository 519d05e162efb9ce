import { type Agent, type Page, Role, TicketStatus } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Not } from 'typeorm';
import { pageOffset } from '../../common/page-query.dto';
import { rowLock } from '../../database/engine';
import type { UserListQueryDto } from './dto/user.dto';
import { NO_PASSWORD } from './password-hasher';
import { UserEntity } from './user.entity';

/** Tickets an agent is working on. */
const WORKING = [TicketStatus.Open, TicketStatus.InProgress];

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Every query of the users table. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: UserListQueryDto): Promise<Page<UserEntity>> {
    const builder = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (query.q) {
      const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        "(LOWER(u.name) LIKE :pattern ESCAPE '\\' OR u.email LIKE :pattern ESCAPE '\\')",
        { pattern },
      );
    }
    if (query.role) builder.andWhere('u.role = :role', { role: query.role });
    const [items, total] = await builder
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip(pageOffset(query))
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  findById(id: number): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ email: normalizeEmail(email) });
  }

  emailExists(manager: EntityManager, email: string): Promise<boolean> {
    return manager.existsBy(UserEntity, { email: normalizeEmail(email) });
  }

  insert(
    manager: EntityManager,
    user: Pick<UserEntity, 'name' | 'email' | 'passwordHash' | 'role'>,
  ) {
    return manager.save(manager.create(UserEntity, user));
  }

  /** Locked until the transaction ends. */
  findForUpdate(manager: EntityManager, id: number): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id }, lock: rowLock(manager) });
  }

  save(manager: EntityManager, user: UserEntity): Promise<UserEntity> {
    return manager.save(user);
  }

  /** Locking the other admins' rows stops two admins demoting each other at once. */
  async hasOtherActiveAdmin(manager: EntityManager, userId: number): Promise<boolean> {
    const others = await manager.find(UserEntity, {
      where: { role: Role.Admin, active: true, id: Not(userId) },
      select: { id: true },
      lock: rowLock(manager),
    });
    return others.length > 0;
  }

  async activeAgents(): Promise<Agent[]> {
    const rows = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id AS id', 'u.name AS name', 'u.available AS available'])
      .addSelect(
        (count) =>
          count
            .select('COUNT(*)')
            .from('tickets', 't')
            .where('t.assignee_id = u.id AND t.status IN (:...working)', { working: WORKING }),
        'openCount',
      )
      .where('u.role = :role AND u.active = :active', { role: Role.Agent, active: true })
      .orderBy('u.name', 'ASC')
      .getRawMany<{ id: number; name: string; available: boolean | number; openCount: string }>();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      available: Boolean(row.available),
      openCount: Number(row.openCount),
    }));
  }

  /**
   * The agent whose turn it is to get a ticket, among the active and available ones:
   * `round_robin`, the one the desk gave a ticket to longest ago (never first, then by id);
   * `least_open`, the one with the fewest open tickets, ties broken the same way. The caller
   * holds the desk's settings row locked, so instances take turns.
   */
  async nextForAssignment(
    manager: EntityManager,
    mode: 'round_robin' | 'least_open',
  ): Promise<Pick<UserEntity, 'id' | 'name'> | null> {
    const query = manager
      .createQueryBuilder(UserEntity, 'u')
      .select(['u.id AS id', 'u.name AS name'])
      .where('u.role = :role AND u.active = :active AND u.available = :available', {
        role: Role.Agent,
        active: true,
        available: true,
      });
    if (mode === 'least_open') {
      query
        .addSelect(
          (count) =>
            count
              .select('COUNT(*)')
              .from('tickets', 't')
              .where('t.assignee_id = u.id AND t.status IN (:...working)', { working: WORKING }),
          'open_count',
        )
        .orderBy('open_count', 'ASC');
    }
    const row = await query
      .addOrderBy('CASE WHEN u.last_auto_assigned_at IS NULL THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('u.last_auto_assigned_at', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(1)
      .getRawOne<{ id: number; name: string }>();
    return row ?? null;
  }

  async markAutoAssigned(manager: EntityManager, id: number, at: Date): Promise<void> {
    await manager.update(UserEntity, { id }, { lastAutoAssignedAt: at });
  }

  /** The person behind an address, or a new `user` account for it without a password. */
  async findOrCreateRequester(
    manager: EntityManager,
    email: string,
    name: string | undefined,
  ): Promise<UserEntity> {
    const normalized = normalizeEmail(email);
    const existing = await manager.findOneBy(UserEntity, { email: normalized });
    if (existing) return existing;
    await manager
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values({
        name: name ?? normalized.split('@')[0] ?? normalized,
        email: normalized,
        passwordHash: NO_PASSWORD,
        role: Role.User,
      })
      .orIgnore()
      .execute();
    return manager.findOneByOrFail(UserEntity, { email: normalized });
  }

  /** The active agent with this id, inside the caller's transaction. */
  findActiveAgent(manager: EntityManager, id: number): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { id, role: Role.Agent, active: true });
  }

  async findName(manager: EntityManager, id: number): Promise<string | null> {
    const user = await manager.findOne(UserEntity, { where: { id }, select: { name: true } });
    return user?.name ?? null;
  }

  async activeAdminIds(manager: EntityManager): Promise<number[]> {
    const admins = await manager.find(UserEntity, {
      where: { role: Role.Admin, active: true },
      select: { id: true },
    });
    return admins.map((admin) => admin.id);
  }

  /** The addresses of those of `ids` who are active, inside the caller's transaction. */
  async activeEmails(manager: EntityManager, ids: readonly number[]): Promise<string[]> {
    const users = await manager.find(UserEntity, {
      where: { id: In([...ids]), active: true },
      select: { email: true },
    });
    return users.map((user) => user.email);
  }
}
