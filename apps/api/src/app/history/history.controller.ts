import type { SessionUser } from '@helpdesk/shared/domain';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiCookieAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { CurrentUser } from '../../common/decorators';
import { HistoryEntryDto } from './dto/history-entry.dto';
import { HistoryService } from './history.service';

@ApiTags('history')
@ApiCookieAuth()
@Controller('tickets/:ticketId/history')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get()
  @ApiOkResponse({ type: [HistoryEntryDto], description: 'Oldest first' })
  @ApiNotFoundResponse()
  list(
    @CurrentUser() user: SessionUser,
    @Param('ticketId', ParseIdPipe) ticketId: number,
  ): Promise<HistoryEntryDto[]> {
    return this.history.listForTicket(user, ticketId);
  }
}
