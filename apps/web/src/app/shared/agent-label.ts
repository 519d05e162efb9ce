import type { Agent } from '@helpdesk/shared/domain';

/** An agent as shown where one is picked: "Ana (3 open) · away". */
export function agentLabel(agent: Agent): string {
  const label = `${agent.name} (${agent.openCount} open)`;
  return agent.available ? label : `${label} · away`;
}
