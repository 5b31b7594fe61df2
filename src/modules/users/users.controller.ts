import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { Roles } from '../../common/auth/roles.decorator';
import type { Page } from '../../common/http/pagination';
import { mapPage } from '../../common/http/pagination';
import { CreateUserDto, toUserDto, UpdateUserDto, UserDto, UserQueryDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(@Query() query: UserQueryDto): Promise<Page<UserDto>> {
    const page = await this.users.list(query);
    return mapPage(page, toUserDto);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  async get(@Param('id', UuidParamPipe) id: string): Promise<UserDto> {
    return toUserDto(await this.users.get(id));
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  async create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserDto> {
    return toUserDto(await this.users.create(body, actor));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  async update(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateUserDto,
    @CurrentActor() actor: Actor,
  ): Promise<UserDto> {
    return toUserDto(await this.users.update(id, body, actor));
  }
}
