import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { RecordRoles, Roles } from '../../common/auth/roles.decorator';
import type { Page } from '../../common/http/pagination';
import { mapPage } from '../../common/http/pagination';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import {
  CareerConversationDto,
  CareerConversationQueryDto,
  CreateCareerConversationDto,
  toCareerConversationDto,
} from './career-conversations.dto';
import { CareerConversationsService } from './career-conversations.service';

/** Individual records: no AUDITOR (oversight reads aggregates only). */
@ApiTags('career-conversations')
@ApiBearerAuth()
@Controller('career-conversations')
export class CareerConversationsController {
  constructor(private readonly conversations: CareerConversationsService) {}

  @Get()
  @RecordRoles()
  @ApiOperation({ summary: 'Conversations in scope (an employee sees their own)' })
  async list(
    @Query() query: CareerConversationQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<CareerConversationDto>> {
    const page = await this.conversations.list(query, actor);
    return mapPage(page, toCareerConversationDto);
  }

  @Get(':id')
  @RecordRoles()
  @ApiOkResponse({ type: CareerConversationDto })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<CareerConversationDto> {
    return toCareerConversationDto(await this.conversations.get(id, actor));
  }

  @Post()
  @Roles('ADMIN', 'COORDINATOR', 'SUPERVISOR')
  @ApiOperation({ summary: "Log a conversation (the employee's supervisor or coordinator)" })
  @ApiCreatedResponse({ type: CareerConversationDto })
  async create(
    @Body() body: CreateCareerConversationDto,
    @CurrentActor() actor: Actor,
  ): Promise<CareerConversationDto> {
    return toCareerConversationDto(await this.conversations.create(body, actor));
  }
}
