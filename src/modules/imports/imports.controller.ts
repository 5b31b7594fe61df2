import { promises as fs } from 'node:fs';
import {
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
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
import { IMPORT_MEDIA_TYPES } from './import-file.rule';
import { IMPORT_KINDS, layoutMarkdown } from './import-layout';
import type { ImportKind } from './import-layout';
import { importTemplate } from './import-template';
import { ImportUploadInterceptor } from './import-upload.interceptor';
import type { UploadedImportFile } from './import-upload.interceptor';
import {
  ImportKindPipe,
  ImportQueryDto,
  ImportRunDto,
  ImportRunQueryDto,
  ImportRunSummaryDto,
  problemField,
  TemplateQueryDto,
  toImportRunDto,
  toImportRunSummaryDto,
} from './imports.dto';
import { ImportsService } from './imports.service';
import type { ImportOutcome } from './imports.service';

const LAYOUTS = IMPORT_KINDS.map(layoutMarkdown).join('\n\n');

const UPLOAD_DESCRIPTION = `Uploads a payroll roster or training records file (CSV in UTF-8, or XLSX: its first sheet) for one department.

- \`dryRun=true\`: the file is checked and the answer (200) lists every problem (row, column, value, message) and what a clean file would do (created / updated / unchanged). Nothing is written.
- Otherwise a clean file is applied in one transaction, every change audited (201). A file with any problem writes nothing: 422 with the problems (\`problems\`, and \`errors\` naming \`rows[<row>].<column>\`).
- A file that cannot be read at all (empty, not UTF-8, broken quoting, no header): 400 naming the row; wrong type: 415; too large: 413.
- Loading the same file again changes nothing (every row "unchanged"). Keys: roster, the employee number in the department; training, employee + title + start_date + completion_date. Imported training records are REPORTED, for a coordinator to verify.
- Empty cells: an absent optional column leaves its field alone; an empty work_email, position_number, supervisor_employee_number, provider, cost or semester_units clears it; an empty self-identification cell keeps the recorded answer. A class change of an existing employee is refused (it is an appointment).

${LAYOUTS}`;

function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`;
}

/**
 * Bulk imports of the payroll roster and of training records, with their templates and the
 * record of each run. ADMIN (any department, named) and COORDINATOR (their own) only.
 */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('templates/:kind')
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOperation({ summary: 'An empty file with the header row', description: LAYOUTS })
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  @ApiProduces(IMPORT_MEDIA_TYPES.csv, IMPORT_MEDIA_TYPES.xlsx)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async template(
    @Param('kind', ImportKindPipe) kind: ImportKind,
    @Query() query: TemplateQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const template = await importTemplate(kind, query.format);
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(template.content, {
      type: template.contentType,
      disposition: contentDisposition(template.fileName),
      length: template.content.length,
    });
  }

  @Post(':kind')
  @Roles('ADMIN', 'COORDINATOR')
  @UseInterceptors(ImportUploadInterceptor)
  @ApiOperation({ summary: 'Import a roster or training file', description: UPLOAD_DESCRIPTION })
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: '.csv or .xlsx' } },
    },
  })
  @ApiOkResponse({ type: ImportRunDto, description: 'A dry run: the problems and the counts' })
  @ApiCreatedResponse({ type: ImportRunDto, description: 'Applied' })
  async upload(
    @Param('kind', ImportKindPipe) kind: ImportKind,
    @Query() query: ImportQueryDto,
    @UploadedFile() file: UploadedImportFile | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportRunDto> {
    if (!file) {
      throw DomainError.validation([
        { field: 'file', message: 'is required (multipart/form-data field "file")' },
      ]);
    }
    try {
      const outcome = await this.imports.run(
        {
          kind,
          departmentId: query.departmentId,
          dryRun: query.dryRun,
          filePath: file.path,
          fileName: file.originalname,
        },
        actor,
      );
      const body = toImportRunDto(outcome.run, outcome.problems);
      if (outcome.unreadable) throw unreadable(outcome, body);
      if (outcome.run.status === 'REJECTED' && !query.dryRun) throw rejected(outcome, body);
      response.status(query.dryRun ? 200 : 201);
      return body;
    } finally {
      await fs.rm(file.path, { force: true });
    }
  }

  @Get()
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOperation({ summary: 'Import runs, newest first (a COORDINATOR sees their department)' })
  async list(
    @Query() query: ImportRunQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ImportRunSummaryDto>> {
    return mapPage(await this.imports.list(query, actor), toImportRunSummaryDto);
  }

  @Get(':id')
  @Roles('ADMIN', 'COORDINATOR')
  @ApiOperation({ summary: 'One import run: status, counts and (the first 1,000) problems' })
  @ApiOkResponse({ type: ImportRunDto })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ImportRunDto> {
    return toImportRunDto(await this.imports.get(id, actor));
  }
}

function details(body: ImportRunDto): Record<string, unknown> {
  return {
    importRunId: body.id,
    counts: body.counts,
    problemCount: body.problemCount,
    problemsOmitted: body.problemsOmitted,
    problems: body.problems,
  };
}

function unreadable(outcome: ImportOutcome, body: ImportRunDto): DomainError {
  const message = outcome.problems[0]?.message ?? 'the file cannot be read';
  return new DomainError(
    'VALIDATION_FAILED',
    `The file cannot be read: ${message}`,
    [{ field: 'file', message }],
    details(body),
  );
}

function rejected(outcome: ImportOutcome, body: ImportRunDto): DomainError {
  return new DomainError(
    'RULE_VIOLATION',
    `${outcome.run.problemCount} problem(s) in ${outcome.run.rejectedCount} row(s) of the file: nothing was imported`,
    outcome.problems.map((problem) => ({ field: problemField(problem), message: problem.message })),
    details(body),
  );
}
