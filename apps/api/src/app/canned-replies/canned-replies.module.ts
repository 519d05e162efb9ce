import { Module } from '@nestjs/common';
import { CannedRepliesController } from './canned-replies.controller';
import { CannedRepliesRepository } from './canned-replies.repository';
import { CannedRepliesService } from './canned-replies.service';

@Module({
  controllers: [CannedRepliesController],
  providers: [CannedRepliesService, CannedRepliesRepository],
})
export class CannedRepliesModule {}
