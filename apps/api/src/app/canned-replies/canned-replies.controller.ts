import { type Actor, canUseCannedReplies } from '@helpdesk/shared/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { CannedRepliesService } from './canned-replies.service';
import {
  CannedReplyDto,
  CannedReplyListQueryDto,
  CreateCannedReplyDto,
  UpdateCannedReplyDto,
} from './dto/canned-reply.dto';

@ApiTags('canned-replies')
@ApiCookieAuth()
@ApiForbiddenResponse({ description: 'Agents and admins only; changes by the author or an admin' })
@RequirePermission(canUseCannedReplies)
@Controller('canned-replies')
export class CannedRepliesController {
  constructor(private readonly replies: CannedRepliesService) {}

  @Get()
  @ApiOkResponse({ type: [CannedReplyDto], description: 'In title order' })
  list(@Query() query: CannedReplyListQueryDto): Promise<CannedReplyDto[]> {
    return this.replies.list(query.q);
  }

  @Post()
  @ApiCreatedResponse({ type: CannedReplyDto })
  create(@CurrentUser() actor: Actor, @Body() dto: CreateCannedReplyDto): Promise<CannedReplyDto> {
    return this.replies.create(actor, dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CannedReplyDto })
  @ApiNotFoundResponse()
  update(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: UpdateCannedReplyDto,
  ): Promise<CannedReplyDto> {
    return this.replies.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  remove(@CurrentUser() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.replies.remove(actor, id);
  }
}
