import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { PasswordResetController } from './password-reset.controller';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { PasswordResetService } from './password-reset.service';

@Module({
  imports: [AuthModule, UsersModule, SessionsModule, NotificationsModule],
  controllers: [PasswordResetController],
  providers: [PasswordResetService, PasswordResetTokensRepository],
})
export class PasswordResetModule {}
