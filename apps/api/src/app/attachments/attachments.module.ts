import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { HistoryModule } from '../history/history.module';
import { TicketAccessModule } from '../tickets/ticket-access.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { FileStorage } from './storage/file-storage';
import { LocalDiskStorage } from './storage/local-disk-storage';

@Module({
  imports: [TicketAccessModule, HistoryModule],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsService,
    {
      provide: FileStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDiskStorage(config.uploadDir),
    },
  ],
})
export class AttachmentsModule {}
