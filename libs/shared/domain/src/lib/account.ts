import { Role } from './enums';
import type { Actor } from './permissions';

/** Only agents are taken by automatic assignment, so only they say whether they are available. */
export function canSetAvailability(actor: Actor): boolean {
  return actor.role === Role.Agent;
}
