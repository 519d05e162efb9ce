import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { InvalidConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, '0.0.0.0');
  new Logger('Helpdesk').log(
    `Listening on http://localhost:${config.port} (API docs at /api/docs, database: ${config.database.engine})`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof InvalidConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
