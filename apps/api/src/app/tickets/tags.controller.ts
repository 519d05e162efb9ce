import { canBrowseTags } from '@helpdesk/shared/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/decorators';
import { TagCountDto, TagQueryDto } from './dto/triage-requests.dto';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@ApiCookieAuth()
@Controller('tags')
export class TagsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @RequirePermission(canBrowseTags)
  @ApiOkResponse({
    type: [TagCountDto],
    description: 'Tags starting with `q`, most used first; counts are desk-wide',
  })
  @ApiForbiddenResponse({ description: 'Agents and admins only' })
  list(@Query() query: TagQueryDto) {
    return this.tickets.tagCounts(query.q);
  }
}
