import { Role } from './enums';
import { builtInViews, canBulkChange, parseViewQuery } from './triage';

describe('saved views', () => {
  it('read a query string as the list does: repeated keys become a list', () => {
    expect(parseViewQuery('status=open&status=in_progress&tag=vpn&q=printer%20jam')).toEqual({
      status: ['open', 'in_progress'],
      tag: 'vpn',
      q: 'printer jam',
    });
    expect(parseViewQuery('?priority=urgent')).toEqual({ priority: 'urgent' });
    expect(parseViewQuery('')).toEqual({});
  });

  it('an agent has "My open" and "Due soon", and "Unassigned" only with the pool on', () => {
    const agent = { id: 7, role: Role.Agent };
    expect(builtInViews(agent, { agentsSeeUnassigned: false })).toEqual([
      { id: 'my-open', name: 'My open', query: 'assigneeId=7&status=open&status=in_progress' },
      { id: 'due-soon', name: 'Due soon', query: 'sla=due_soon' },
    ]);
    expect(builtInViews(agent, { agentsSeeUnassigned: true }).map((view) => view.name)).toEqual([
      'My open',
      'Unassigned',
      'Due soon',
    ]);
  });

  it('an admin has "Unassigned", "Due soon" and "All open"; a user none', () => {
    expect(
      builtInViews({ id: 1, role: Role.Admin }, { agentsSeeUnassigned: false }).map((v) => v.name),
    ).toEqual(['Unassigned', 'Due soon', 'All open']);
    expect(builtInViews({ id: 1, role: Role.User }, { agentsSeeUnassigned: true })).toEqual([]);
  });

  it('bulk changes are for agents and admins', () => {
    expect(canBulkChange({ id: 1, role: Role.User })).toBe(false);
    expect(canBulkChange({ id: 1, role: Role.Agent })).toBe(true);
    expect(canBulkChange({ id: 1, role: Role.Admin })).toBe(true);
  });
});
