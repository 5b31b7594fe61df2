import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../../common/auth/actor.decorator';
import type { Actor } from '../../../common/auth/auth-user';
import { Roles } from '../../../common/auth/roles.decorator';
import { UuidParamPipe } from '../../../common/http/uuid-param.pipe';
import { ExceptionsQueryDto, ExceptionsReportDto, toExceptionsReportDto } from './exceptions.dto';
import { ExceptionsReportService } from './exceptions.service';

/**
 * The compliance exceptions report: what the department's coordinator should act on as of a
 * date. The department's COORDINATOR and ADMIN; another department's coordinator: 404.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('departments/:id/reports/exceptions')
export class ExceptionsReportController {
  constructor(private readonly exceptions: ExceptionsReportService) {}

  @Get()
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOkResponse({ type: ExceptionsReportDto })
  async report(
    @Param('id', UuidParamPipe) departmentId: string,
    @Query() query: ExceptionsQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<ExceptionsReportDto> {
    return toExceptionsReportDto(await this.exceptions.report(departmentId, query.asOf, actor));
  }
}
