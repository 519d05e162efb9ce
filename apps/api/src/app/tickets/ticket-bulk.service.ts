import type { BulkChangeResponse, BulkResult, SessionUser } from '@helpdesk/shared/domain';
import { BadRequestException, HttpException, Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import type { BulkChangeDto } from './dto/triage-requests.dto';
import { TicketsService } from './tickets.service';

/**
 * A change made to many tickets from a list: each ticket in its own transaction, judged by the
 * same service methods (and so the same rules) as a single PATCH or assignment; one refused
 * ticket never stops the others.
 */
@Injectable()
export class TicketBulkService {
  constructor(
    private readonly transactions: Transactions,
    private readonly tickets: TicketsService,
  ) {}

  async apply(actor: SessionUser, { ids, changes }: BulkChangeDto): Promise<BulkChangeResponse> {
    const { status, priority, assigneeId, addTags, removeTags } = changes;
    const tagEdit =
      addTags === undefined && removeTags === undefined
        ? undefined
        : { add: addTags, remove: removeTags };
    if (status === undefined && priority === undefined && !tagEdit && assigneeId === undefined) {
      throw new BadRequestException('changes must name at least one change');
    }
    const results: BulkResult[] = [];
    for (const id of ids) {
      try {
        await this.transactions.run(async (manager) => {
          if (status !== undefined || priority !== undefined || tagEdit) {
            await this.tickets.applyUpdate(manager, actor, id, { status, priority }, tagEdit);
          }
          if (assigneeId !== undefined) {
            await this.tickets.applyAssign(manager, actor, id, assigneeId);
          }
        });
        results.push({ id, ok: true });
      } catch (error) {
        if (!(error instanceof HttpException)) throw error;
        results.push({ id, ok: false, statusCode: error.getStatus(), message: messageOf(error) });
      }
    }
    return { results };
  }
}

function messageOf(error: HttpException): string {
  const body = error.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}
