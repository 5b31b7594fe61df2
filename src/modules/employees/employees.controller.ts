import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { RecordRoles, Roles } from '../../common/auth/roles.decorator';
import type { Page } from '../../common/http/pagination';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { canSeeDemographics } from './demographics.rule';
import type { Employee } from './employee.entity';
import {
  CreateEmployeeDto,
  EmployeeDto,
  EmployeeQueryDto,
  SelfIdentificationDto,
  SelfIdentificationViewDto,
  toEmployeeDto,
  toSelfIdentificationViewDto,
  UpdateEmployeeDto,
} from './employees.dto';
import { EmployeesService } from './employees.service';

/**
 * Employee records. AUDITOR never reads individual records. Reads are scoped in the query
 * (ADMIN all, COORDINATOR their department, SUPERVISOR self + direct reports, EMPLOYEE self);
 * out of scope is 404. Demographic keys only for ADMIN and the department's COORDINATOR.
 */
@ApiTags('employees')
@ApiBearerAuth()
@Controller('employees')
export class EmployeesController {
  constructor(private readonly employees: EmployeesService) {}

  @Get()
  @RecordRoles()
  async list(
    @Query() query: EmployeeQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<EmployeeDto>> {
    const page = await this.employees.list(query, actor);
    return { ...page, items: page.items.map((employee) => this.toDto(employee, actor)) };
  }

  @Get(':id')
  @RecordRoles()
  @ApiOkResponse({ type: EmployeeDto })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<EmployeeDto> {
    return this.toDto(await this.employees.get(id, actor), actor);
  }

  @Post()
  @Roles('ADMIN', 'COORDINATOR')
  @ApiCreatedResponse({ type: EmployeeDto })
  async create(
    @Body() body: CreateEmployeeDto,
    @CurrentActor() actor: Actor,
  ): Promise<EmployeeDto> {
    return this.toDto(await this.employees.create(body, actor), actor);
  }

  @Patch(':id')
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOkResponse({ type: EmployeeDto })
  async update(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateEmployeeDto,
    @CurrentActor() actor: Actor,
  ): Promise<EmployeeDto> {
    return this.toDto(await this.employees.update(id, body, actor), actor);
  }

  @Get(':id/self-identification')
  @RecordRoles()
  @ApiOkResponse({ type: SelfIdentificationViewDto })
  async getSelfIdentification(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<SelfIdentificationViewDto> {
    return toSelfIdentificationViewDto(await this.employees.getSelfIdentification(id, actor));
  }

  @Put(':id/self-identification')
  @RecordRoles()
  @ApiOkResponse({ type: SelfIdentificationViewDto })
  async replaceSelfIdentification(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: SelfIdentificationDto,
    @CurrentActor() actor: Actor,
  ): Promise<SelfIdentificationViewDto> {
    return toSelfIdentificationViewDto(
      await this.employees.replaceSelfIdentification(id, body, actor),
    );
  }

  private toDto(employee: Employee, actor: Actor): EmployeeDto {
    return toEmployeeDto(employee, canSeeDemographics(actor.user, employee));
  }
}
