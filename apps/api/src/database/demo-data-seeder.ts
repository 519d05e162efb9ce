import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { seedDemoAccounts } from './demo-data';

/** First start on an empty database: the schema exists (migrations ran), add the demo accounts. */
@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await seedDemoAccounts(this.dataSource)) {
      new Logger('Database').log('Empty database: created the demo accounts');
    }
  }
}
