import { Role } from './enums';
import { canManageMail } from './mail';

describe('mail permissions', () => {
  it('only an admin manages the mailbox', () => {
    expect(
      [Role.User, Role.Agent, Role.Admin].map((role) => canManageMail({ id: 1, role })),
    ).toEqual([false, false, true]);
  });
});
