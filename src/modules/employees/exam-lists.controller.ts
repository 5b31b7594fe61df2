import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { RecordRoles, Roles } from '../../common/auth/roles.decorator';
import type { Page } from '../../common/http/pagination';
import { mapPage } from '../../common/http/pagination';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { CreateExamListDto, ExamListDto, ExamListQueryDto, toExamListDto } from './exam-lists.dto';
import { ExamListsService } from './exam-lists.service';

@ApiTags('employees')
@ApiBearerAuth()
@Controller('employees/:id/exam-lists')
export class ExamListsController {
  constructor(private readonly examLists: ExamListsService) {}

  @Get()
  @RecordRoles()
  async list(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: ExamListQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ExamListDto>> {
    const page = await this.examLists.list(id, query, actor);
    return mapPage(page, toExamListDto);
  }

  @Post()
  @Roles('ADMIN', 'COORDINATOR')
  @ApiCreatedResponse({ type: ExamListDto })
  async create(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: CreateExamListDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExamListDto> {
    return toExamListDto(await this.examLists.create(id, body, actor));
  }

  @Delete(':listId')
  @Roles('ADMIN', 'COORDINATOR')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(
    @Param('id', UuidParamPipe) id: string,
    @Param('listId', UuidParamPipe) listId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.examLists.remove(id, listId, actor);
  }
}
