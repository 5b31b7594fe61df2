import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { RecordRoles, Roles } from '../../common/auth/roles.decorator';
import type { Page } from '../../common/http/pagination';
import { mapPage } from '../../common/http/pagination';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import {
  CreateTdAssignmentDto,
  EarlyEndRequestDto,
  TdAssignmentDto,
  TdAssignmentQueryDto,
  toTdAssignmentDto,
  UpdateTdAssignmentDto,
} from './td-assignments.dto';
import { TdAssignmentsService } from './td-assignments.service';
import type { TdAssignmentView } from './td-assignments.service';

function toDto(view: TdAssignmentView): TdAssignmentDto {
  return toTdAssignmentDto(view.assignment, view);
}

const LIMIT_REFUSAL =
  'Over 24 months within a 36-month period (2 CCR 438): the body gives limitMonths, windowMonths, usedMonths, windowStart, windowEnd and earliestFittingStart';

@ApiTags('td-assignments')
@ApiBearerAuth()
@Controller('td-assignments')
export class TdAssignmentsController {
  constructor(private readonly assignments: TdAssignmentsService) {}

  @Get()
  @RecordRoles()
  async list(
    @Query() query: TdAssignmentQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<TdAssignmentDto>> {
    const page = await this.assignments.list(query, actor);
    return mapPage(page, toDto);
  }

  @Get(':id')
  @RecordRoles()
  @ApiOkResponse({ type: TdAssignmentDto })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<TdAssignmentDto> {
    return toDto(await this.assignments.get(id, actor));
  }

  @Post()
  @Roles('ADMIN', 'COORDINATOR')
  @ApiCreatedResponse({ type: TdAssignmentDto })
  @ApiUnprocessableEntityResponse({ description: LIMIT_REFUSAL })
  async create(
    @Body() body: CreateTdAssignmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<TdAssignmentDto> {
    return toDto(await this.assignments.create(body, actor));
  }

  @Patch(':id')
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOkResponse({ type: TdAssignmentDto })
  @ApiUnprocessableEntityResponse({ description: LIMIT_REFUSAL })
  async update(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateTdAssignmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<TdAssignmentDto> {
    return toDto(await this.assignments.update(id, body, actor));
  }

  @Post(':id/early-end-request')
  @HttpCode(200)
  @RecordRoles()
  @ApiOkResponse({ type: TdAssignmentDto })
  async requestEarlyEnd(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: EarlyEndRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<TdAssignmentDto> {
    return toDto(await this.assignments.requestEarlyEnd(id, body, actor));
  }
}
