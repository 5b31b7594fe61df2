import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { AnyRole, Roles } from '../../common/auth/roles.decorator';
import type { Page } from '../../common/http/pagination';
import { mapPage } from '../../common/http/pagination';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import {
  ClassificationDto,
  ClassificationQueryDto,
  CreateClassificationDto,
  DepartmentDesignationsDto,
  ReplaceDesignationsDto,
  toClassificationDto,
  toDesignationDto,
  UpdateClassificationDto,
} from './classifications.dto';
import { ClassificationsService } from './classifications.service';

@ApiTags('classifications')
@ApiBearerAuth()
@Controller()
export class ClassificationsController {
  constructor(private readonly classifications: ClassificationsService) {}

  @Get('classifications')
  @AnyRole()
  async list(@Query() query: ClassificationQueryDto): Promise<Page<ClassificationDto>> {
    const page = await this.classifications.list(query);
    return mapPage(page, toClassificationDto);
  }

  @Get('classifications/:id')
  @AnyRole()
  @ApiOkResponse({ type: ClassificationDto })
  async get(@Param('id', UuidParamPipe) id: string): Promise<ClassificationDto> {
    return toClassificationDto(await this.classifications.get(id));
  }

  @Post('classifications')
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: ClassificationDto })
  async create(
    @Body() body: CreateClassificationDto,
    @CurrentActor() actor: Actor,
  ): Promise<ClassificationDto> {
    return toClassificationDto(await this.classifications.create(body, actor));
  }

  @Patch('classifications/:id')
  @Roles('ADMIN')
  @ApiOkResponse({ type: ClassificationDto })
  async update(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateClassificationDto,
    @CurrentActor() actor: Actor,
  ): Promise<ClassificationDto> {
    return toClassificationDto(await this.classifications.update(id, body, actor));
  }

  @Get('departments/:departmentId/designations/:fiscalYear')
  @AnyRole()
  @ApiOkResponse({ type: DepartmentDesignationsDto })
  async designations(
    @Param('departmentId', UuidParamPipe) departmentId: string,
    @Param('fiscalYear') fiscalYear: string,
    @CurrentActor() actor: Actor,
  ): Promise<DepartmentDesignationsDto> {
    const records = await this.classifications.designations(departmentId, fiscalYear, actor);
    return { departmentId, fiscalYear, designations: records.map(toDesignationDto) };
  }

  @Put('departments/:departmentId/designations/:fiscalYear')
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOkResponse({ type: DepartmentDesignationsDto })
  async replaceDesignations(
    @Param('departmentId', UuidParamPipe) departmentId: string,
    @Param('fiscalYear') fiscalYear: string,
    @Body() body: ReplaceDesignationsDto,
    @CurrentActor() actor: Actor,
  ): Promise<DepartmentDesignationsDto> {
    const records = await this.classifications.replaceDesignations(
      departmentId,
      fiscalYear,
      body,
      actor,
    );
    return { departmentId, fiscalYear, designations: records.map(toDesignationDto) };
  }
}
