import { Role } from '@helpdesk/shared/domain';

interface NavLink {
  path: string;
  label: string;
  icon: string;
}

const NEW_TICKET: NavLink = { path: '/tickets/new', label: 'New ticket', icon: 'add' };

/** The navigation each role gets in the top bar. */
export function navLinks(role: Role): NavLink[] {
  switch (role) {
    case Role.User:
      return [{ path: '/tickets', label: 'My tickets', icon: 'confirmation_number' }, NEW_TICKET];
    case Role.Agent:
      return [{ path: '/queue', label: 'My queue', icon: 'inbox' }, NEW_TICKET];
    case Role.Admin:
      return [
        { path: '/admin/dashboard', label: 'Dashboard', icon: 'monitoring' },
        { path: '/admin/tickets', label: 'All tickets', icon: 'confirmation_number' },
        { path: '/admin/users', label: 'Users', icon: 'group' },
        NEW_TICKET,
      ];
  }
}
