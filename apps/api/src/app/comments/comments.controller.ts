import type { SessionUser } from '@helpdesk/shared/domain';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { CurrentUser } from '../../common/decorators';
import { CommentsService } from './comments.service';
import { CommentDto, CreateCommentDto } from './dto/comment.dto';

@ApiTags('comments')
@ApiCookieAuth()
@ApiNotFoundResponse({ description: 'Ticket missing or not visible to the caller' })
@Controller('tickets/:ticketId/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @ApiOkResponse({ type: [CommentDto], description: 'Oldest first' })
  list(
    @CurrentUser() user: SessionUser,
    @Param('ticketId', ParseIdPipe) ticketId: number,
  ): Promise<CommentDto[]> {
    return this.comments.list(user, ticketId);
  }

  @Post()
  @ApiCreatedResponse({ type: CommentDto })
  add(
    @CurrentUser() user: SessionUser,
    @Param('ticketId', ParseIdPipe) ticketId: number,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentDto> {
    return this.comments.add(user, ticketId, dto);
  }
}
