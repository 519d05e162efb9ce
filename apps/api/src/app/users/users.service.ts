import { type Agent, type Page, Role, type User } from '@helpdesk/shared/domain';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Not } from 'typeorm';
import { rowLock } from '../../database/engine';
import { pageOffset } from '../../common/page-query.dto';
import { Transactions } from '../../database/transactions';
import { hashPassword } from '../auth/password-hasher';
import { SessionsService } from '../auth/sessions.service';
import type { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { UserEntity } from './user.entity';

export function toUser(entity: UserEntity): User {
  return {
    id: entity.id,
    name: entity.name,
    email: entity.email,
    role: entity.role,
    active: entity.active,
    createdAt: entity.createdAt.toISOString(),
  };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly sessions: SessionsService,
  ) {}

  async list(query: UserListQueryDto): Promise<Page<User>> {
    const builder = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (query.q) {
      const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        "(LOWER(u.name) LIKE :pattern ESCAPE '\\' OR u.email LIKE :pattern ESCAPE '\\')",
        {
          pattern,
        },
      );
    }
    if (query.role) builder.andWhere('u.role = :role', { role: query.role });
    const [users, total] = await builder
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip(pageOffset(query))
      .take(query.pageSize)
      .getManyAndCount();
    return { items: users.map(toUser), total, page: query.page, pageSize: query.pageSize };
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ email: normalizeEmail(email) });
  }

  async create(dto: CreateUserDto): Promise<User> {
    const passwordHash = await hashPassword(dto.password);
    const user = await this.transactions.run(async (manager) => {
      const email = normalizeEmail(dto.email);
      if (await manager.existsBy(UserEntity, { email })) {
        throw new ConflictException('A user with this e-mail address already exists');
      }
      return manager.save(
        manager.create(UserEntity, { name: dto.name, email, passwordHash, role: dto.role }),
      );
    });
    return toUser(user);
  }

  async update(id: number, dto: UpdateUserDto): Promise<User> {
    const passwordHash = dto.password === undefined ? undefined : await hashPassword(dto.password);
    const user = await this.transactions.run(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: rowLock(manager) });
      if (!user) throw new NotFoundException('User not found');
      const losesAdmin =
        user.role === Role.Admin &&
        user.active &&
        ((dto.role !== undefined && dto.role !== Role.Admin) || dto.active === false);
      if (losesAdmin) await this.assertAnotherActiveAdmin(manager, user.id);
      const endsSessions = (dto.active === false && user.active) || passwordHash !== undefined;
      Object.assign(user, {
        name: dto.name ?? user.name,
        role: dto.role ?? user.role,
        active: dto.active ?? user.active,
        passwordHash: passwordHash ?? user.passwordHash,
      });
      await manager.save(user);
      if (endsSessions) await this.sessions.revokeAllOf(manager, user.id);
      return user;
    });
    this.sessions.forgetUser(user.id);
    return toUser(user);
  }

  async deactivate(id: number): Promise<void> {
    await this.update(id, { active: false });
  }

  async activeAgents(): Promise<Agent[]> {
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

  private async assertAnotherActiveAdmin(manager: EntityManager, userId: number): Promise<void> {
    // Locking the other admins' rows stops two admins demoting each other at once.
    const otherAdmins = await manager.find(UserEntity, {
      where: { role: Role.Admin, active: true, id: Not(userId) },
      select: { id: true },
      lock: rowLock(manager),
    });
    if (otherAdmins.length === 0) {
      throw new ConflictException('The last active admin cannot be demoted or deactivated');
    }
  }
}
