import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { AnyRole, Roles } from '../../common/auth/roles.decorator';
import type { Page } from '../../common/http/pagination';
import { mapPage } from '../../common/http/pagination';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import {
  CreateDepartmentDto,
  DepartmentDto,
  DepartmentQueryDto,
  toDepartmentDto,
  UpdateDepartmentDto,
} from './departments.dto';
import { DepartmentsService } from './departments.service';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @AnyRole()
  async list(
    @Query() query: DepartmentQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<DepartmentDto>> {
    const page = await this.departments.list(query, actor);
    return mapPage(page, toDepartmentDto);
  }

  @Get(':id')
  @AnyRole()
  @ApiOkResponse({ type: DepartmentDto })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<DepartmentDto> {
    return toDepartmentDto(await this.departments.get(id, actor));
  }

  @Post()
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: DepartmentDto })
  async create(
    @Body() body: CreateDepartmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<DepartmentDto> {
    return toDepartmentDto(await this.departments.create(body, actor));
  }

  @Patch(':id')
  @Roles('ADMIN')
  @ApiOkResponse({ type: DepartmentDto })
  async update(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateDepartmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<DepartmentDto> {
    return toDepartmentDto(await this.departments.update(id, body, actor));
  }
}
