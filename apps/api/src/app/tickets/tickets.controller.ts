import { canBulkChange, canViewDeskActivity, type SessionUser } from '@helpdesk/shared/domain';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { CurrentUser, RequirePermission } from '../../common/decorators';
import {
  ActivityQueryDto,
  AssignTicketDto,
  CreateTicketDto,
  RateTicketDto,
  TicketListQueryDto,
  UpdateTicketDto,
} from './dto/ticket-requests.dto';
import { DailyTicketActivityDto, TicketCountsDto } from './dto/ticket-stats.dto';
import { TicketDto, TicketPageDto } from './dto/ticket.dto';
import { TicketOpeningService } from './ticket-opening.service';
import { TicketsService } from './tickets.service';
import { TicketBulkService } from './ticket-bulk.service';
import { BulkChangeDto, BulkChangeResponseDto } from './dto/triage-requests.dto';

@ApiTags('tickets')
@ApiCookieAuth()
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly bulkChanges: TicketBulkService,
    private readonly opening: TicketOpeningService,
  ) {}

  @Get()
  @ApiOkResponse({
    type: TicketPageDto,
    description: "Scoped: a user's own, an agent's assigned, all for admins",
  })
  list(@CurrentUser() user: SessionUser, @Query() query: TicketListQueryDto) {
    return this.tickets.list(user, query);
  }

  @Get('stats')
  @ApiOkResponse({ type: TicketCountsDto, description: 'Counts over the same scope as the list' })
  counts(@CurrentUser() user: SessionUser) {
    return this.tickets.counts(user);
  }

  @Get('activity')
  @RequirePermission(canViewDeskActivity)
  @ApiOkResponse({ type: [DailyTicketActivityDto], description: 'Opened and resolved per UTC day' })
  @ApiForbiddenResponse({ description: 'Admins only' })
  activity(@Query() query: ActivityQueryDto) {
    return this.tickets.deskActivity(query.days);
  }

  @Post()
  @ApiCreatedResponse({ type: TicketDto })
  @ApiBadRequestResponse({ description: 'Invalid fields, or the assignee is not an active agent' })
  @ApiForbiddenResponse({ description: 'assigneeId from someone other than an admin' })
  create(@CurrentUser() user: SessionUser, @Body() dto: CreateTicketDto): Promise<TicketDto> {
    return this.opening.create(user, dto);
  }

  @Post('bulk')
  @HttpCode(200)
  @RequirePermission(canBulkChange)
  @ApiOkResponse({ type: BulkChangeResponseDto, description: 'One result per id, in order' })
  @ApiForbiddenResponse({ description: 'Agents and admins only' })
  bulk(@CurrentUser() user: SessionUser, @Body() dto: BulkChangeDto) {
    return this.bulkChanges.apply(user, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: TicketDto })
  @ApiNotFoundResponse({ description: 'Missing or not visible to the caller' })
  get(@CurrentUser() user: SessionUser, @Param('id', ParseIdPipe) id: number): Promise<TicketDto> {
    return this.tickets.get(user, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: TicketDto })
  @ApiForbiddenResponse({ description: 'A change the caller may not make (see API.md table)' })
  @ApiNotFoundResponse()
  update(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: UpdateTicketDto,
  ): Promise<TicketDto> {
    return this.tickets.update(user, id, dto);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDto })
  @ApiBadRequestResponse({ description: 'The target is not an active agent' })
  @ApiForbiddenResponse({ description: 'Neither an admin nor the assigned agent' })
  @ApiNotFoundResponse()
  assign(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: AssignTicketDto,
  ): Promise<TicketDto> {
    return this.tickets.assign(user, id, dto.assigneeId);
  }

  @Post(':id/take')
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDto, description: 'Now assigned to the caller' })
  @ApiForbiddenResponse({ description: 'Only agents take tickets' })
  @ApiNotFoundResponse({ description: 'Missing, or not in the pool the caller sees' })
  @ApiConflictResponse({ description: 'No longer unassigned (someone else took it first)' })
  take(@CurrentUser() user: SessionUser, @Param('id', ParseIdPipe) id: number): Promise<TicketDto> {
    return this.tickets.take(user, id);
  }

  @Put(':id/rating')
  @ApiOkResponse({ type: TicketDto })
  @ApiForbiddenResponse({ description: 'Only the owner rates' })
  @ApiConflictResponse({ description: 'The ticket is not resolved or closed' })
  @ApiNotFoundResponse()
  rate(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: RateTicketDto,
  ): Promise<TicketDto> {
    return this.tickets.rate(user, id, dto);
  }
}
