import { Role } from '@helpdesk/shared/domain';

/** Where each role lands after signing in. */
export function homeUrl(role: Role): string {
  switch (role) {
    case Role.User:
      return '/tickets';
    case Role.Agent:
      return '/queue';
    case Role.Admin:
      return '/admin/dashboard';
  }
}
