import { type Agent, type Page, Role } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Not } from 'typeorm';
import { pageOffset } from '../../common/page-query.dto';
import { rowLock } from '../../database/engine';
import type { UserListQueryDto } from './dto/user.dto';
import { UserEntity } from './user.entity';

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

  activeAgents(): Promise<Agent[]> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id AS id', 'u.name AS name'])
      .where('u.role = :role AND u.active = :active', { role: Role.Agent, active: true })
      .orderBy('u.name', 'ASC')
      .getRawMany<Agent>();
  }

  /** The active agent with this id, inside the caller's transaction. */
  findActiveAgent(manager: EntityManager, id: number): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { id, role: Role.Agent, active: true });
  }

  async findName(manager: EntityManager, id: number): Promise<string | null> {
    const user = await manager.findOne(UserEntity, { where: { id }, select: { name: true } });
    return user?.name ?? null;
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
