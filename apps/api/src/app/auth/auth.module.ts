import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { PermissionGuard } from '../../common/permission.guard';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginFailuresRepository } from './login-failures.repository';
import { LoginThrottleService } from './login-throttle.service';
import { SessionGuard } from '../sessions/session.guard';
import { SessionsModule } from '../sessions/sessions.module';

@Module({
  imports: [PassportModule, UsersModule, SessionsModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    LocalStrategy,
    LoginThrottleService,
    LoginFailuresRepository,
    // Order matters: the session guard sets the user the permission guard checks.
    { provide: APP_GUARD, useClass: SessionGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [LoginThrottleService],
})
export class AuthModule {}
