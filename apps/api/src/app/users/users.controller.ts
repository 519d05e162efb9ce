import { canListAgents, canManageUsers } from '@helpdesk/shared/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePermission } from '../../common/decorators';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import {
  AgentDto,
  CreateUserDto,
  UpdateUserDto,
  UserDto,
  UserListQueryDto,
  UserPageDto,
} from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiCookieAuth()
@ApiForbiddenResponse({ description: 'Admins only' })
@RequirePermission(canManageUsers)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserListQueryDto) {
    return this.users.list(query);
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'The e-mail address is taken' })
  create(@Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Would leave no active admin' })
  update(@Param('id', ParseIdPipe) id: number, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deactivated; tickets, comments and history stay' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Would leave no active admin' })
  deactivate(@Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.users.deactivate(id);
  }
}

@ApiTags('users')
@ApiCookieAuth()
@Controller('agents')
export class AgentsController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(canListAgents)
  @ApiOkResponse({ type: [AgentDto] })
  @ApiForbiddenResponse({ description: 'Agents and admins only' })
  list(): Promise<AgentDto[]> {
    return this.users.activeAgents();
  }
}
