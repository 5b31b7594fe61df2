import { Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { Roles } from '../../common/auth/roles.decorator';
import { DomainError } from '../../common/errors/domain-error';
import type { Page } from '../../common/http/pagination';
import { mapPage } from '../../common/http/pagination';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { AnnualReportService } from './annual-report.service';
import { REPORT_CONTENT_TYPES, sendReportFile } from './report-file.response';
import {
  DraftReportQueryDto,
  ReportDiffDto,
  ReportVersionDto,
  ReportVersionQueryDto,
  toReportDiffDto,
  toReportVersionDto,
  VersionDiffQueryDto,
  VersionDownloadQueryDto,
} from './reports.dto';

/** `:version` is a whole number from 1; anything else is a 400 naming it. */
class VersionParamPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    if (!/^[1-9][0-9]{0,8}$/.test(value)) {
      throw DomainError.validation([
        { field: `path.${metadata.data ?? 'version'}`, message: 'must be a version number (1, 2, ...)' },
      ]);
    }
    return Number(value);
  }
}

const SHA_HEADER = {
  'X-Content-SHA256': { description: 'SHA-256 of the body, hex' },
};

/**
 * The annual Upward Mobility Program report (Gov Code 19402). Drafts are computed live for the
 * department's coordinator and ADMIN; certified versions are frozen and may also be read by
 * auditors, in the oversight audience (small counts suppressed). Out of department: 404.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('departments/:id/reports/annual/:fiscalYear')
export class ReportsController {
  constructor(private readonly reports: AnnualReportService) {}

  @Get()
  @Roles('ADMIN', 'COORDINATOR')
  @ApiProduces(...REPORT_CONTENT_TYPES)
  @ApiOkResponse({ description: 'The draft computed now', headers: SHA_HEADER })
  async draft(
    @Param('id', UuidParamPipe) departmentId: string,
    @Param('fiscalYear') fiscalYear: string,
    @Query() query: DraftReportQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.reports.draft(
      departmentId,
      fiscalYear,
      query.format,
      query.audience,
      actor,
    );
    return sendReportFile(file, response);
  }

  @Post('certify')
  @Roles('ADMIN', 'COORDINATOR')
  @ApiCreatedResponse({ type: ReportVersionDto })
  async certify(
    @Param('id', UuidParamPipe) departmentId: string,
    @Param('fiscalYear') fiscalYear: string,
    @CurrentActor() actor: Actor,
  ): Promise<ReportVersionDto> {
    return toReportVersionDto(await this.reports.certify(departmentId, fiscalYear, actor));
  }

  @Get('versions')
  @Roles('ADMIN', 'COORDINATOR', 'AUDITOR')
  @ApiOkResponse({ type: [ReportVersionDto] })
  async versions(
    @Param('id', UuidParamPipe) departmentId: string,
    @Param('fiscalYear') fiscalYear: string,
    @Query() query: ReportVersionQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ReportVersionDto>> {
    const page = await this.reports.versions(departmentId, fiscalYear, query, actor);
    return mapPage(page, toReportVersionDto);
  }

  @Get('versions/:version')
  @Roles('ADMIN', 'COORDINATOR', 'AUDITOR')
  @ApiProduces(...REPORT_CONTENT_TYPES)
  @ApiOkResponse({ description: 'The certified bytes, identical on every download', headers: SHA_HEADER })
  async download(
    @Param('id', UuidParamPipe) departmentId: string,
    @Param('fiscalYear') fiscalYear: string,
    @Param('version', VersionParamPipe) version: number,
    @Query() query: VersionDownloadQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.reports.download(
      departmentId,
      fiscalYear,
      version,
      query.format,
      query.audience,
      actor,
    );
    return sendReportFile(file, response);
  }

  @Get('versions/:version/diff')
  @Roles('ADMIN', 'COORDINATOR', 'AUDITOR')
  @ApiOkResponse({ type: ReportDiffDto })
  async diff(
    @Param('id', UuidParamPipe) departmentId: string,
    @Param('fiscalYear') fiscalYear: string,
    @Param('version', VersionParamPipe) version: number,
    @Query() query: VersionDiffQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReportDiffDto> {
    return toReportDiffDto(
      await this.reports.diff(
        departmentId,
        fiscalYear,
        version,
        query.against,
        query.audience,
        actor,
      ),
    );
  }
}
