import { Body, Controller, Get, Headers, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { AnyRole, Roles } from '../../common/auth/roles.decorator';
import type { Page } from '../../common/http/pagination';
import { mapPage } from '../../common/http/pagination';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { AnnualGoalDto, AnnualGoalQueryDto, PutAnnualGoalDto, toAnnualGoalDto } from './goals.dto';
import { GoalsService, parseIfMatch } from './goals.service';
import type { AnnualGoalView } from './goals.service';

function toDto(view: AnnualGoalView): AnnualGoalDto {
  return toAnnualGoalDto(view.goal, view);
}

/**
 * A department's annual upward mobility goals (Gov Code 19402). Department-level figures, not
 * individual records: every role of the department reads them, and so do auditors.
 */
@ApiTags('goals')
@ApiBearerAuth()
@Controller('departments/:id/goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  @Get()
  @AnyRole()
  async list(
    @Param('id', UuidParamPipe) departmentId: string,
    @Query() query: AnnualGoalQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<AnnualGoalDto>> {
    const page = await this.goals.list(departmentId, query, actor);
    return mapPage(page, toDto);
  }

  @Get(':fiscalYear')
  @AnyRole()
  @ApiOkResponse({ type: AnnualGoalDto, headers: { ETag: { description: 'The version' } } })
  async get(
    @Param('id', UuidParamPipe) departmentId: string,
    @Param('fiscalYear') fiscalYear: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AnnualGoalDto> {
    const view = await this.goals.get(departmentId, fiscalYear, actor);
    response.setHeader('ETag', `"${view.goal.version}"`);
    return toDto(view);
  }

  @Put(':fiscalYear')
  @Roles('ADMIN', 'COORDINATOR')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version last read (ETag); a stale one is refused with 409',
  })
  @ApiOkResponse({ type: AnnualGoalDto, headers: { ETag: { description: 'The new version' } } })
  async put(
    @Param('id', UuidParamPipe) departmentId: string,
    @Param('fiscalYear') fiscalYear: string,
    @Body() body: PutAnnualGoalDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AnnualGoalDto> {
    const view = await this.goals.put(departmentId, fiscalYear, body, parseIfMatch(ifMatch), actor);
    response.setHeader('ETag', `"${view.goal.version}"`);
    return toDto(view);
  }
}
