import type { SessionUser } from '@helpdesk/shared/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser } from '../../common/decorators';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { CreateViewDto, SavedViewDto } from './dto/saved-view.dto';
import { ViewsService } from './views.service';

@ApiTags('views')
@ApiCookieAuth()
@Controller('views')
export class ViewsController {
  constructor(private readonly views: ViewsService) {}

  @Get()
  @ApiOkResponse({ type: [SavedViewDto], description: 'Built-in views first, then your own' })
  list(@CurrentUser() user: SessionUser): Promise<SavedViewDto[]> {
    return this.views.list(user);
  }

  @Post()
  @ApiCreatedResponse({ type: SavedViewDto })
  @ApiBadRequestResponse({ description: 'The query is not a valid ticket list query' })
  create(@CurrentUser() user: SessionUser, @Body() dto: CreateViewDto): Promise<SavedViewDto> {
    return this.views.create(user, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'Not one of your own views' })
  remove(@CurrentUser() user: SessionUser, @Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.views.remove(user, id);
  }
}
