import { Role } from '@helpdesk/shared/domain';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../app/users/password-hasher';
import { UserEntity } from '../app/users/user.entity';

export const DEMO_ACCOUNTS = [
  { name: 'Ada Admin', email: 'admin@example.com', password: 'admin123', role: Role.Admin },
  { name: 'Alex Agent', email: 'agent@example.com', password: 'agent123', role: Role.Agent },
  { name: 'Uma User', email: 'user@example.com', password: 'user123', role: Role.User },
] as const;

/**
 * On an empty database, creates the three demo accounts of API.md. Returns whether it did;
 * when another instance starting at the same time got there first, the unique e-mails
 * refuse the second insert and nothing changes.
 */
export async function seedDemoAccounts(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(UserEntity).count()) > 0) return false;
  const users = await Promise.all(
    DEMO_ACCOUNTS.map(async ({ password, ...account }) => ({
      ...account,
      passwordHash: await hashPassword(password),
    })),
  );
  try {
    await dataSource.transaction((manager) => manager.insert(UserEntity, users));
    return true;
  } catch (error) {
    if ((await dataSource.getRepository(UserEntity).count()) > 0) return false;
    throw error;
  }
}
