import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, type SessionUser } from '@helpdesk/shared/domain';
import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import { UsersRepository } from '../users/users.repository';
import { LoginThrottleService } from './login-throttle.service';
import { UNKNOWN_USER_HASH, verifyPassword } from '../users/password-hasher';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** The person behind these credentials; a wrong email and a wrong password fail alike. */
  async verifyCredentials(email: unknown, password: unknown, ip: string): Promise<SessionUser> {
    if (
      typeof email !== 'string' ||
      typeof password !== 'string' ||
      email.length > EMAIL_MAX_LENGTH ||
      password.length > PASSWORD_MAX_LENGTH
    ) {
      throw new BadRequestException('email and password are required strings');
    }
    await this.throttle.assertAllowed(email, ip);
    const user = await this.users.findByEmail(email);
    const matches = await verifyPassword(password, user?.passwordHash ?? (await UNKNOWN_USER_HASH));
    if (!user || !user.active || !matches) {
      await this.throttle.recordFailure(email, ip);
      throw new UnauthorizedException('Invalid email or password');
    }
    await this.throttle.recordSuccess(email);
    return { id: user.id, name: user.name, email: user.email, role: user.role };
  }
}
