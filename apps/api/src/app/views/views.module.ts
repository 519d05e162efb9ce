import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { TicketsModule } from '../tickets/tickets.module';
import { SavedViewsRepository } from './saved-views.repository';
import { ViewsController } from './views.controller';
import { ViewsService } from './views.service';

@Module({
  imports: [TicketsModule, SettingsModule],
  controllers: [ViewsController],
  providers: [ViewsService, SavedViewsRepository],
})
export class ViewsModule {}
