import { type Agent, type Page, Role, type User } from '@helpdesk/shared/domain';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import { SessionsService } from '../sessions/sessions.service';
import type { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { hashPassword } from './password-hasher';
import type { UserEntity } from './user.entity';
import { normalizeEmail, UsersRepository } from './users.repository';

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

@Injectable()
export class UsersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
  ) {}

  async list(query: UserListQueryDto): Promise<Page<User>> {
    const page = await this.users.list(query);
    return { ...page, items: page.items.map(toUser) };
  }

  async create(dto: CreateUserDto): Promise<User> {
    const passwordHash = await hashPassword(dto.password);
    const user = await this.transactions.run(async (manager) => {
      if (await this.users.emailExists(manager, dto.email)) {
        throw new ConflictException('A user with this e-mail address already exists');
      }
      const email = normalizeEmail(dto.email);
      return this.users.insert(manager, { name: dto.name, email, passwordHash, role: dto.role });
    });
    return toUser(user);
  }

  async update(id: number, dto: UpdateUserDto): Promise<User> {
    const passwordHash = dto.password === undefined ? undefined : await hashPassword(dto.password);
    const user = await this.transactions.run(async (manager) => {
      const user = await this.users.findForUpdate(manager, id);
      if (!user) throw new NotFoundException('User not found');
      const losesAdmin =
        user.role === Role.Admin &&
        user.active &&
        ((dto.role !== undefined && dto.role !== Role.Admin) || dto.active === false);
      if (losesAdmin && !(await this.users.hasOtherActiveAdmin(manager, user.id))) {
        throw new ConflictException('The last active admin cannot be demoted or deactivated');
      }
      const endsSessions = (dto.active === false && user.active) || passwordHash !== undefined;
      Object.assign(user, {
        name: dto.name ?? user.name,
        role: dto.role ?? user.role,
        active: dto.active ?? user.active,
        passwordHash: passwordHash ?? user.passwordHash,
      });
      await this.users.save(manager, user);
      if (endsSessions) await this.sessions.revokeAllOf(manager, user.id);
      return user;
    });
    this.sessions.forgetUser(user.id);
    return toUser(user);
  }

  async deactivate(id: number): Promise<void> {
    await this.update(id, { active: false });
  }

  activeAgents(): Promise<Agent[]> {
    return this.users.activeAgents();
  }
}
