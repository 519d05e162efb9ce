import { type Actor, canManageMail } from '@helpdesk/shared/domain';
import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, RequirePermission } from '../../common/decorators';
import { PageQueryDto } from '../../common/page-query.dto';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { TicketDto } from '../tickets/dto/ticket.dto';
import { MailStatusDto, RejectedMailPageDto } from './dto/mail.dto';
import { MailService } from './mail.service';

@ApiTags('mail')
@ApiCookieAuth()
@ApiForbiddenResponse({ description: 'Admins only' })
@RequirePermission(canManageMail)
@Controller('mail')
export class MailController {
  constructor(private readonly mail: MailService) {}

  @Get('status')
  @ApiOkResponse({ type: MailStatusDto })
  status(): Promise<MailStatusDto> {
    return this.mail.status();
  }

  @Get('rejected')
  @ApiOkResponse({ type: RejectedMailPageDto, description: 'Newest first' })
  rejected(@Query() query: PageQueryDto): Promise<RejectedMailPageDto> {
    return this.mail.rejected(query);
  }

  @Post('rejected/:id/ticket')
  @ApiCreatedResponse({ type: TicketDto, description: 'The ticket made of the message' })
  @ApiNotFoundResponse()
  makeTicket(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
  ): Promise<TicketDto> {
    return this.mail.makeTicket(actor, id) as Promise<TicketDto>;
  }

  @Delete('rejected/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  discard(@Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.mail.discard(id);
  }
}
