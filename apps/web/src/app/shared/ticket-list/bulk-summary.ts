import { TicketStatus, type BulkResult, type TicketSummary } from '@helpdesk/shared/domain';

/** Why one ticket was refused, in words: the ticket's state when it explains it, else the API's. */
function refusal(
  result: Extract<BulkResult, { ok: false }>,
  ticket: TicketSummary | undefined,
): string {
  if (result.statusCode === 404) return `#${result.id} was not found`;
  if (result.statusCode === 403 && ticket?.status === TicketStatus.Closed) {
    return `#${result.id} is closed`;
  }
  return `#${result.id}: ${result.message.replace(/\.$/, '')}`;
}

/** A bulk change's results in words: "3 changed, 1 refused: #57 is closed". */
export function bulkSummary(
  results: readonly BulkResult[],
  tickets: readonly TicketSummary[] = [],
): string {
  const changed = results.filter((result) => result.ok).length;
  const refused = results.filter(
    (result): result is Extract<BulkResult, { ok: false }> => !result.ok,
  );
  const summary = `${changed} changed`;
  if (!refused.length) return summary;
  const reasons = refused.map((result) =>
    refusal(
      result,
      tickets.find((ticket) => ticket.id === result.id),
    ),
  );
  return `${summary}, ${refused.length} refused: ${reasons.join('; ')}`;
}
