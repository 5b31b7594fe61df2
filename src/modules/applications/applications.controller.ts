import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
  ApplicationDecisionDto,
  ApplicationDecisionResultDto,
  ApplicationDto,
  ApplicationQueryDto,
  CreateApplicationDto,
  toApplicationDto,
  toParticipationDto,
} from './applications.dto';
import { ApplicationsService } from './applications.service';
import type { ApplicationView } from './applications.service';

const toDto = (view: ApplicationView): ApplicationDto =>
  toApplicationDto(view.application, view.targetClassCode);

/** Individual records: no AUDITOR (oversight reads aggregates only). */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Get()
  @RecordRoles()
  @ApiOperation({ summary: 'Applications in scope (coordinator: department; supervisor: team)' })
  async list(
    @Query() query: ApplicationQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ApplicationDto>> {
    const page = await this.applications.list(query, actor);
    return mapPage(page, toDto);
  }

  @Get(':id')
  @RecordRoles()
  @ApiOkResponse({ type: ApplicationDto })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ApplicationDto> {
    return toDto(await this.applications.get(id, actor));
  }

  @Post()
  @RecordRoles()
  @ApiOperation({
    summary: 'Apply (for oneself, or by the coordinator on behalf of an employee)',
    description:
      '422 RULE_VIOLATION when the employee is not in an LPEL or BRIDGING class, or already has an open application or participation.',
  })
  @ApiCreatedResponse({ type: ApplicationDto })
  async create(
    @Body() body: CreateApplicationDto,
    @CurrentActor() actor: Actor,
  ): Promise<ApplicationDto> {
    return toDto(await this.applications.create(body, actor));
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('SUPERVISOR')
  @ApiOperation({ summary: "The employee's supervisor acknowledges the application" })
  @ApiOkResponse({ type: ApplicationDto })
  async acknowledge(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ApplicationDto> {
    return toDto(await this.applications.acknowledge(id, actor));
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOperation({
    summary: 'Score against the criteria in force and decide',
    description: 'ACCEPTED also opens a participation and a DRAFT career plan.',
  })
  @ApiOkResponse({ type: ApplicationDecisionResultDto })
  async decide(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ApplicationDecisionDto,
    @CurrentActor() actor: Actor,
  ): Promise<ApplicationDecisionResultDto> {
    const outcome = await this.applications.decide(id, body, actor);
    return {
      application: toDto(outcome),
      participation: outcome.participation ? toParticipationDto(outcome.participation) : null,
      careerPlanId: outcome.careerPlanId,
    };
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RecordRoles()
  @ApiOperation({ summary: 'The applicant withdraws their open application' })
  @ApiOkResponse({ type: ApplicationDto })
  async withdraw(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ApplicationDto> {
    return toDto(await this.applications.withdraw(id, actor));
  }
}
