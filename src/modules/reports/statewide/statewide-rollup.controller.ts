import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../../common/auth/roles.decorator';
import { REPORT_CONTENT_TYPES, sendReportFile } from '../report-file.response';
import { StatewideRollupQueryDto } from './statewide-rollup.dto';
import { StatewideRollupService } from './statewide-rollup.service';

/**
 * The statewide roll-up of a fiscal year for oversight: every department's latest certified
 * annual report, timeliness against its due date, and diversity added up - small counts hidden.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/statewide/:fiscalYear')
export class StatewideRollupController {
  constructor(private readonly rollups: StatewideRollupService) {}

  @Get()
  @Roles('ADMIN', 'AUDITOR')
  @ApiProduces(...REPORT_CONTENT_TYPES)
  @ApiOkResponse({ description: 'The roll-up computed from the certified reports' })
  async rollup(
    @Param('fiscalYear') fiscalYear: string,
    @Query() query: StatewideRollupQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return sendReportFile(await this.rollups.render(fiscalYear, query.format), response);
  }
}
