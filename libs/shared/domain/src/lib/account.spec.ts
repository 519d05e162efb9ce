import { canSetAvailability } from './account';
import { Role } from './enums';

describe('own account', () => {
  it('only an agent says whether they are available', () => {
    expect(canSetAvailability({ id: 1, role: Role.Agent })).toBe(true);
    expect(canSetAvailability({ id: 2, role: Role.Admin })).toBe(false);
    expect(canSetAvailability({ id: 3, role: Role.User })).toBe(false);
  });
});
