import { hashPassword, verifyPassword } from './password-hasher';

describe('password hashes', () => {
  it('a hash matches its own password and no other', async () => {
    const hash = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsE', hash)).toBe(false);
  });

  it('an account made without a password (marker "!") matches no password', async () => {
    expect(await verifyPassword('', '!')).toBe(false);
    expect(await verifyPassword('!', '!')).toBe(false);
  });

  it('a damaged or foreign hash matches nothing and never throws', async () => {
    const hash = await hashPassword('secret');
    const [, , , , salt, key] = hash.split('$');
    for (const stored of [
      '',
      'scrypt$',
      `scrypt$abc$8$1$${salt}$${key}`,
      `scrypt$1000$8$1$${salt}$${key}`,
      `scrypt$16384$8$1$${salt}$${key}$extra`,
      `bcrypt$16384$8$1$${salt}$${key}`,
    ]) {
      await expect(verifyPassword('secret', stored)).resolves.toBe(false);
    }
  });
});
