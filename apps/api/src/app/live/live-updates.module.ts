import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SessionsModule } from '../sessions/sessions.module';
import { SettingsModule } from '../settings/settings.module';
import { TicketCoreModule } from '../ticket-core/ticket-core.module';
import { ChangeBus, InProcessChangeBus } from './change-bus';
import { LiveUpdatesController } from './live-updates.controller';
import { LiveUpdatesService } from './live-updates.service';
import { PostgresChangeBus } from './postgres-change-bus';

@Module({
  imports: [SessionsModule, TicketCoreModule, SettingsModule],
  controllers: [LiveUpdatesController],
  providers: [
    LiveUpdatesService,
    {
      provide: ChangeBus,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<ChangeBus> => {
        if (config.database.engine === 'sqlite') return new InProcessChangeBus();
        const bus = new PostgresChangeBus(config.database.url);
        await bus.connect();
        return bus;
      },
    },
  ],
})
export class LiveUpdatesModule {}
