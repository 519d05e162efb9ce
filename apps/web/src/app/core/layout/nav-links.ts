import { NO_POOL, Role, type DeskAccess } from '@helpdesk/shared/domain';

interface NavLink {
  path: string;
  label: string;
  icon: string;
}

const NEW_TICKET: NavLink = { path: '/tickets/new', label: 'New ticket', icon: 'add' };
const CANNED_REPLIES: NavLink = {
  path: '/canned-replies',
  label: 'Canned replies',
  icon: 'quickreply',
};

/** The navigation each role gets in the top bar; agents see the pool when the desk has one. */
export function navLinks(role: Role, desk: DeskAccess = NO_POOL): NavLink[] {
  switch (role) {
    case Role.User:
      return [{ path: '/tickets', label: 'My tickets', icon: 'confirmation_number' }, NEW_TICKET];
    case Role.Agent:
      return [
        { path: '/queue', label: 'My queue', icon: 'inbox' },
        ...(desk.agentsSeeUnassigned
          ? [{ path: '/queue/unassigned', label: 'Unassigned', icon: 'move_to_inbox' }]
          : []),
        CANNED_REPLIES,
        NEW_TICKET,
      ];
    case Role.Admin:
      return [
        { path: '/admin/dashboard', label: 'Dashboard', icon: 'monitoring' },
        { path: '/admin/tickets', label: 'All tickets', icon: 'confirmation_number' },
        { path: '/admin/reports', label: 'Reports', icon: 'insights' },
        { path: '/admin/users', label: 'Users', icon: 'group' },
        { path: '/admin/settings', label: 'Settings', icon: 'settings' },
        { path: '/admin/mail', label: 'Mail', icon: 'mail' },
        CANNED_REPLIES,
        NEW_TICKET,
      ];
  }
}
