import {
  canEditCannedReply,
  canUseCannedReplies,
  fillPlaceholders,
  type PlaceholderValues,
} from './canned-replies';
import { Role } from './enums';
import type { Actor } from './permissions';

const values: PlaceholderValues = {
  requester: { name: 'Ada Lovelace' },
  ticket: { id: 42, subject: 'Printer jammed' },
  agent: { name: 'Grace Hopper' },
};

describe('filling placeholders', () => {
  it('fills every known placeholder', () => {
    const body =
      'Hi {{requester.firstName}} ({{requester.name}}), about #{{ticket.id}} "{{ticket.subject}}". {{agent.name}}';
    expect(fillPlaceholders(body, values)).toBe(
      'Hi Ada (Ada Lovelace), about #42 "Printer jammed". Grace Hopper',
    );
  });

  it('fills a placeholder written more than once, and with spaces inside the braces', () => {
    expect(fillPlaceholders('{{ agent.name }} / {{agent.name}}', values)).toBe(
      'Grace Hopper / Grace Hopper',
    );
  });

  it('leaves unknown placeholders as written', () => {
    const body = 'Hi {{requester.email}}, {{ticket.priority}} {{foo}} {{agent.name}}';
    expect(fillPlaceholders(body, values)).toBe(
      'Hi {{requester.email}}, {{ticket.priority}} {{foo}} Grace Hopper',
    );
  });

  it('leaves a placeholder as written when its value is not at hand', () => {
    expect(fillPlaceholders('Hi {{requester.name}}, #{{ticket.id}}', { agent: null })).toBe(
      'Hi {{requester.name}}, #{{ticket.id}}',
    );
  });

  it('never reads a filled-in value as a placeholder', () => {
    const sneaky = { ...values, ticket: { id: 7, subject: '{{agent.name}}' } };
    expect(fillPlaceholders('Re: {{ticket.subject}}', sneaky)).toBe('Re: {{agent.name}}');
  });

  it('takes the first word of the name as the first name, and a one-word name whole', () => {
    expect(fillPlaceholders('{{requester.firstName}}', { requester: { name: '  Cher ' } })).toBe(
      'Cher',
    );
    expect(
      fillPlaceholders('{{requester.firstName}}', { requester: { name: 'Jean Paul Sartre' } }),
    ).toBe('Jean');
  });

  it('leaves text without placeholders, and $-patterns in values, alone', () => {
    expect(fillPlaceholders('No braces here {single}', values)).toBe('No braces here {single}');
    expect(fillPlaceholders('{{requester.name}}', { requester: { name: "$& $1 $'" } })).toBe(
      "$& $1 $'",
    );
  });
});

describe('who may use and change canned replies', () => {
  const user: Actor = { id: 1, role: Role.User };
  const author: Actor = { id: 10, role: Role.Agent };
  const otherAgent: Actor = { id: 11, role: Role.Agent };
  const admin: Actor = { id: 100, role: Role.Admin };
  const reply = { createdBy: { id: author.id } };

  it('agents and admins use canned replies; users do not', () => {
    expect(canUseCannedReplies(author)).toBe(true);
    expect(canUseCannedReplies(admin)).toBe(true);
    expect(canUseCannedReplies(user)).toBe(false);
  });

  it('its author and any admin may change a canned reply; another agent may not', () => {
    expect(canEditCannedReply(author, reply)).toBe(true);
    expect(canEditCannedReply(admin, reply)).toBe(true);
    expect(canEditCannedReply(otherAgent, reply)).toBe(false);
  });

  it('a user may not change a canned reply, even one recorded under their id', () => {
    expect(canEditCannedReply(user, { createdBy: { id: user.id } })).toBe(false);
  });
});
