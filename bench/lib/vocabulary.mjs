/**
 * A fixed vocabulary for subjects, descriptions and comments. Search terms used by the
 * load driver come from SEARCH_TERMS, which appear with different frequencies.
 */
export const THINGS = [
  'vpn',
  'printer',
  'laptop',
  'email',
  'password',
  'monitor',
  'keyboard',
  'wifi',
  'outlook',
  'calendar',
  'badge',
  'phone',
  'headset',
  'docking station',
  'shared drive',
  'invoice',
  'payroll',
  'backup',
  'firewall',
  'browser',
  'teams',
  'license',
  'database',
  'scanner',
  'projector',
  'account',
  'mailbox',
  'certificate',
  'router',
  'server',
];

const PROBLEMS = [
  'is not working',
  'keeps disconnecting',
  'is very slow',
  'shows an error',
  'cannot connect',
  'stopped syncing',
  'asks for a password again',
  'crashes on start',
  'needs an update',
  'is missing',
  'was locked',
  'does not print',
  'freezes after login',
  'is out of space',
];

const CONTEXTS = [
  'since this morning',
  'after the last update',
  'when working from home',
  'in the office',
  'on the third floor',
  'for the whole team',
  'only on Mondays',
  'after a restart',
  'during video calls',
  'for external guests',
  'since the migration',
  'on my new machine',
];

const SENTENCES = [
  'I already tried restarting the device but nothing changed.',
  'The error message says access denied and a code I cannot read.',
  'My colleagues see the same problem on their machines.',
  'This blocks me from finishing the monthly report.',
  'It worked fine last week before the maintenance window.',
  'Please let me know if you need screenshots or logs.',
  'The issue appears every few minutes and then goes away.',
  'I am working remotely and can be reached by phone.',
  'We have a customer presentation tomorrow, so this is urgent for us.',
  'Clearing the cache and signing out did not help.',
  'The help page suggested contacting the service desk.',
  'Other applications seem to work normally.',
];

const REPLIES = [
  'Thanks, I am looking into it now.',
  'Could you send a screenshot of the error?',
  'I have reset the configuration, please try again.',
  'The problem is fixed on our side, can you confirm?',
  'Still the same here, unfortunately.',
  'It works again, thank you for the quick help.',
  'We escalated this to the network team.',
  'A replacement has been ordered and should arrive this week.',
  'Please restart once more and check whether the issue persists.',
  'I can reproduce it and will update you soon.',
];

export const SEARCH_TERMS = ['vpn', 'printer', 'password', 'outlook', 'badge', 'invoice'];
/** Words only replies hold (never a subject or description): found through comments alone. */
export const COMMENT_SEARCH_TERMS = ['screenshot', 'escalated', 'replacement', 'reproduce'];

export const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Elif',
  'Farid',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kira',
  'Luca',
  'Maya',
  'Noah',
  'Olga',
  'Pavel',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
];
export const LAST_NAMES = [
  'Adams',
  'Berg',
  'Costa',
  'Dietz',
  'Evans',
  'Fischer',
  'Garcia',
  'Hansen',
  'Ivanov',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Meyer',
  'Novak',
  'Okafor',
  'Petrov',
  'Rossi',
  'Schmidt',
];

/** A subject such as "VPN keeps disconnecting since the migration". */
export function subjectOf(rng) {
  const thing = rng.pick(THINGS);
  const text = `${thing} ${rng.pick(PROBLEMS)} ${rng.pick(CONTEXTS)}`;
  return text[0].toUpperCase() + text.slice(1);
}

/** Two to five sentences, one of which names another thing. */
export function descriptionOf(rng, subject) {
  const count = rng.int(2, 5);
  const parts = [`${subject}.`];
  for (let i = 0; i < count; i += 1) parts.push(rng.pick(SENTENCES));
  parts.push(`It might be related to the ${rng.pick(THINGS)}.`);
  return parts.join(' ');
}

export function replyOf(rng) {
  return rng.pick(REPLIES);
}
