import { Module } from '@nestjs/common';
import { SessionsModule } from '../auth/sessions.module';
import { AgentsController, UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [SessionsModule],
  controllers: [UsersController, AgentsController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
