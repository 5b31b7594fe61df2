import { Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { RecordRoles, Roles } from '../../common/auth/roles.decorator';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { etagFor } from '../career-plans/if-match';
import {
  DepartmentEligibilityDto,
  DepartmentEligibilityQueryDto,
  EmployeeEligibilityDto,
  EmployeeEligibilityQueryDto,
  PlanGapsDto,
} from './eligibility.dto';
import { EligibilityService } from './eligibility.service';
import { PlanGapsService } from './plan-gaps.service';

/** Individual records and department lists of names: no AUDITOR. */
@ApiTags('eligibility')
@ApiBearerAuth()
@Controller()
export class EligibilityController {
  constructor(
    private readonly eligibility: EligibilityService,
    private readonly planGaps: PlanGapsService,
  ) {}

  @Get('employees/:id/eligibility')
  @RecordRoles()
  @ApiOperation({
    summary: 'Where the employee stands against the minimum qualifications of target classes',
    description:
      'Requirement by requirement: met, have, need, gap, projected date, sources. Without `target`, every class the department designates ELTPA that has rules in force. 404 when the target has no rules in force on the as-of date.',
  })
  @ApiOkResponse({ type: EmployeeEligibilityDto })
  forEmployee(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: EmployeeEligibilityQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<EmployeeEligibilityDto> {
    return this.eligibility.forEmployee(id, query, actor);
  }

  @Get('departments/:id/eligibility')
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOperation({
    summary:
      'Who in the department is eligible for a target class, may take its exam, or will qualify soon',
  })
  @ApiOkResponse({ type: DepartmentEligibilityDto })
  forDepartment(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: DepartmentEligibilityQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<DepartmentEligibilityDto> {
    return this.eligibility.forDepartment(id, query, actor);
  }

  @Post('career-plans/:id/activities/from-gaps')
  @HttpCode(200)
  @RecordRoles()
  @ApiOperation({
    summary: 'Add a planned activity for each unmet requirement of the plan’s first target class',
    description:
      'Owner in DRAFT/RETURNED; the coordinator or an administrator any time. Idempotent: requirements already in the plan are not added again.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the plan version last read (409 when stale)',
  })
  @ApiOkResponse({ type: PlanGapsDto })
  async fromGaps(
    @Param('id', UuidParamPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PlanGapsDto> {
    const result = await this.planGaps.addActivitiesFromGaps(id, ifMatch, actor);
    response.setHeader('ETag', etagFor(result.plan.version));
    return {
      planId: result.plan.id,
      version: result.plan.version,
      classCode: result.classCode,
      status: result.status,
      nearestPatternId: result.nearestPatternId,
      added: result.added,
      activities: result.activities.map((activity) => ({
        id: activity.id,
        kind: activity.kind,
        description: activity.description,
        targetDate: activity.targetDate,
        plannedHours: activity.plannedHours === null ? null : Number(activity.plannedHours),
        status: activity.status,
        sourceRequirement: activity.sourceRequirement,
      })),
    };
  }
}
