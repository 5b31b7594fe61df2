import { Body, Controller, Get, Param, Post } from '@nestjs/common';
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
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import {
  CreateSelectionCriteriaDto,
  DepartmentSelectionCriteriaDto,
  SelectionCriteriaSetDto,
  toSelectionCriteriaSetDto,
} from './applications.dto';
import { SelectionCriteriaService } from './selection-criteria.service';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('departments/:id/selection-criteria')
export class SelectionCriteriaController {
  constructor(private readonly criteria: SelectionCriteriaService) {}

  @Get()
  @RecordRoles()
  @ApiOperation({ summary: 'The criteria in force and every earlier version (own department)' })
  @ApiOkResponse({ type: DepartmentSelectionCriteriaDto })
  async list(
    @Param('id', UuidParamPipe) departmentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<DepartmentSelectionCriteriaDto> {
    const result = await this.criteria.list(departmentId, actor);
    return {
      departmentId: result.departmentId,
      current: result.current ? toSelectionCriteriaSetDto(result.current) : null,
      versions: result.versions.map(toSelectionCriteriaSetDto),
    };
  }

  @Post()
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOperation({ summary: 'A new version of the criteria (versions are never edited)' })
  @ApiCreatedResponse({ type: SelectionCriteriaSetDto })
  async create(
    @Param('id', UuidParamPipe) departmentId: string,
    @Body() body: CreateSelectionCriteriaDto,
    @CurrentActor() actor: Actor,
  ): Promise<SelectionCriteriaSetDto> {
    return toSelectionCriteriaSetDto(await this.criteria.create(departmentId, body, actor));
  }
}
