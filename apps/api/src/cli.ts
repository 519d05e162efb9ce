import { ROLES, Role } from '@helpdesk/shared/domain';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { AppModule } from './app/app.module';
import { CreateUserDto } from './app/users/dto/user.dto';
import { UsersService } from './app/users/users.service';
import { InvalidConfigError, loadConfig } from './config/app-config';
import { copySqliteToPostgres } from './database/copy-database';
import { dataSourceOptions, openDataSource } from './database/data-source';
import { seedDemoAccounts } from './database/demo-data';

const USAGE = `Usage:
  db:init                                   create or migrate the schema; demo accounts on an empty database
  user:create --email <e> --role <r> [--name <n>] [--password <p>]
                                            roles: ${ROLES.join(', ')}; a password is generated when omitted
  db:copy --from sqlite:<file> --to postgres://...
                                            copy a SQLite database into an empty PostgreSQL one`;

async function initDatabase(): Promise<void> {
  const config = loadConfig();
  const dataSource = await openDataSource(dataSourceOptions(config.database));
  const seeded = await seedDemoAccounts(dataSource);
  await dataSource.destroy();
  console.log(
    `Schema up to date (${config.database.engine}).` +
      (seeded ? ' Demo accounts created: admin@, agent@, user@example.com.' : ''),
  );
}

async function createUser(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      role: { type: 'string', default: Role.User },
      name: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const generatedPassword = values.password ? null : randomBytes(12).toString('base64url');
  const dto = plainToInstance(CreateUserDto, {
    email: values.email,
    role: values.role,
    name: values.name ?? values.email?.split('@')[0],
    password: values.password ?? generatedPassword,
  });
  const errors = await validate(dto);
  if (errors.length > 0) {
    throw new Error(errors.flatMap((e) => Object.values(e.constraints ?? {})).join('\n'));
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(loadConfig()), {
    logger: ['error', 'warn'],
  });
  try {
    const user = await app.get(UsersService).create(dto);
    console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
    if (generatedPassword) console.log(`Password: ${generatedPassword}`);
  } finally {
    await app.close();
  }
}

async function copyDatabase(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' } },
  });
  const from = loadConfig({ DATABASE_URL: values.from }).database;
  const to = loadConfig({ DATABASE_URL: values.to }).database;
  if (!values.from || !values.to || from.engine !== 'sqlite' || to.engine !== 'postgres') {
    throw new Error('db:copy needs --from sqlite:<file> and --to postgres://...');
  }
  const report = await copySqliteToPostgres(from, to, (line) => console.log(line));
  const rows = Object.values(report).reduce((sum, count) => sum + count, 0);
  console.log(`Copied ${rows} rows; counts verified.`);
}

async function main(): Promise<void> {
  const [command = '', ...args] = process.argv.slice(2);
  switch (command) {
    case 'db:init':
      return initDatabase();
    case 'user:create':
      return createUser(args);
    case 'db:copy':
      return copyDatabase(args);
    default:
      console.log(USAGE);
      process.exitCode = command ? 2 : 0;
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof InvalidConfigError || error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
