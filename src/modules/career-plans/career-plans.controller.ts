import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { RecordRoles } from '../../common/auth/roles.decorator';
import type { Page } from '../../common/http/pagination';
import { mapPage } from '../../common/http/pagination';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import {
  ActivityInputDto,
  CareerPlanDto,
  CareerPlanQueryDto,
  CareerPlanSummaryDto,
  CreateCareerPlanDto,
  PlanActivityDto,
  PlanTransitionDto,
  toCareerPlanDto,
  toCareerPlanSummaryDto,
  toPlanActivityDto,
  UpdateActivityDto,
  UpdateCareerPlanDto,
} from './career-plans.dto';
import type { CareerPlanView } from './career-plans.dto';
import { CareerPlansService } from './career-plans.service';
import { etagFor } from './if-match';

const IF_MATCH_REQUIRED = {
  name: 'If-Match',
  required: true,
  description: 'The ETag of the version last read, e.g. "3" (428 without it, 409 when stale)',
};
const IF_MATCH_OPTIONAL = { ...IF_MATCH_REQUIRED, required: false };

/** Individual records: no AUDITOR (oversight reads aggregates only). */
@ApiTags('career-plans')
@ApiBearerAuth()
@Controller('career-plans')
export class CareerPlansController {
  constructor(private readonly plans: CareerPlansService) {}

  @Get()
  @RecordRoles()
  @ApiOperation({ summary: 'Plans the caller may see (coordinator: department; supervisor: team)' })
  async list(
    @Query() query: CareerPlanQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<CareerPlanSummaryDto>> {
    const page = await this.plans.list(query, actor);
    return mapPage(page, toCareerPlanSummaryDto);
  }

  @Get(':id')
  @RecordRoles()
  @ApiOperation({ summary: 'A plan with activities, workflow history and next conversation due' })
  @ApiOkResponse({ type: CareerPlanDto })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CareerPlanDto> {
    return withEtag(response, await this.plans.get(id, actor));
  }

  @Post()
  @RecordRoles()
  @ApiOperation({ summary: 'A DRAFT plan for a participant (the employee, or their coordinator)' })
  @ApiCreatedResponse({ type: CareerPlanDto })
  async create(
    @Body() body: CreateCareerPlanDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CareerPlanDto> {
    return withEtag(response, await this.plans.create(body, actor));
  }

  @Patch(':id')
  @RecordRoles()
  @ApiOperation({ summary: 'Edit goals, targets and activities (DRAFT or RETURNED only)' })
  @ApiHeader(IF_MATCH_REQUIRED)
  @ApiOkResponse({ type: CareerPlanDto })
  async update(
    @Param('id', UuidParamPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateCareerPlanDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CareerPlanDto> {
    return withEtag(response, await this.plans.update(id, ifMatch, body, actor));
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @RecordRoles()
  @ApiOperation({
    summary: 'SUBMIT, APPROVE, RETURN (with comment), COMPLETE or WITHDRAW the plan',
    description: '409 TRANSITION_NOT_ALLOWED lists the actions the caller may take (`allowed`).',
  })
  @ApiHeader(IF_MATCH_REQUIRED)
  @ApiOkResponse({ type: CareerPlanDto })
  async transition(
    @Param('id', UuidParamPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: PlanTransitionDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CareerPlanDto> {
    return withEtag(response, await this.plans.transition(id, ifMatch, body, actor));
  }

  @Post(':id/activities')
  @RecordRoles()
  @ApiOperation({ summary: 'Add an activity (owner in DRAFT/RETURNED; coordinator any time)' })
  @ApiHeader(IF_MATCH_OPTIONAL)
  @ApiCreatedResponse({ type: PlanActivityDto })
  async addActivity(
    @Param('id', UuidParamPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ActivityInputDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PlanActivityDto> {
    const { activity, version } = await this.plans.addActivity(id, ifMatch, body, actor);
    response.setHeader('ETag', etagFor(version));
    return toPlanActivityDto(activity);
  }

  @Patch(':id/activities/:activityId')
  @RecordRoles()
  @ApiOperation({ summary: 'Change an activity (owner in DRAFT/RETURNED; coordinator any time)' })
  @ApiHeader(IF_MATCH_OPTIONAL)
  @ApiOkResponse({ type: PlanActivityDto })
  async updateActivity(
    @Param('id', UuidParamPipe) id: string,
    @Param('activityId', UuidParamPipe) activityId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateActivityDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PlanActivityDto> {
    const { activity, version } = await this.plans.updateActivity(
      id,
      activityId,
      ifMatch,
      body,
      actor,
    );
    response.setHeader('ETag', etagFor(version));
    return toPlanActivityDto(activity);
  }

  @Delete(':id/activities/:activityId')
  @HttpCode(204)
  @RecordRoles()
  @ApiOperation({ summary: 'Remove an activity (owner in DRAFT/RETURNED; coordinator any time)' })
  @ApiHeader(IF_MATCH_OPTIONAL)
  @ApiNoContentResponse()
  async removeActivity(
    @Param('id', UuidParamPipe) id: string,
    @Param('activityId', UuidParamPipe) activityId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const version = await this.plans.removeActivity(id, activityId, ifMatch, actor);
    response.setHeader('ETag', etagFor(version));
  }
}

function withEtag(response: Response, view: CareerPlanView): CareerPlanDto {
  response.setHeader('ETag', etagFor(view.plan.version));
  return toCareerPlanDto(view);
}
