import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { systemActor } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { AnnualReportService } from '../modules/reports/annual-report.service';
import { AuditPacketService } from '../modules/reports/audit-packet/audit-packet.service';
import { toExceptionsReportDto } from '../modules/reports/exceptions/exceptions.dto';
import { ExceptionsReportService } from '../modules/reports/exceptions/exceptions.service';
import { renderCsv, renderJson, sha256Hex } from '../modules/reports/report-figures.rule';
import type { ReportFileResponse } from '../modules/reports/report-file.response';
import { StatewideRollupService } from '../modules/reports/statewide/statewide-rollup.service';
import type { ReportCommand } from './report-command';

export interface WrittenFile {
  path: string;
  sha256: string;
  bytes: number;
}

export type ProgressListener = (step: string, done: number, total: number) => void;

/**
 * Runs a parsed `npm run report` command on the application's services, as the system (ADMIN
 * without a department; certified downloads are audited as such), and writes the files.
 */
export async function runReportCommand(
  app: INestApplicationContext,
  reportsDir: string,
  command: ReportCommand,
  onProgress: ProgressListener = () => undefined,
): Promise<WrittenFile[]> {
  const actor = systemActor(`cli-report-${command.kind}`);
  const total = command.formats.length + 1;
  onProgress('computing the figures', 0, total);
  let files: ReportFileResponse[];
  switch (command.kind) {
    case 'annual': {
      const reports = app.get(AnnualReportService);
      const departmentId = await departmentIdOf(app, command.department);
      if (command.version === null) {
        files = await reports.drafts(
          departmentId,
          command.fiscalYear,
          command.formats,
          command.audience,
          actor,
        );
      } else {
        files = [];
        for (const format of command.formats) {
          files.push(
            await reports.download(
              departmentId,
              command.fiscalYear,
              command.version,
              format,
              command.audience,
              actor,
            ),
          );
        }
      }
      break;
    }
    case 'exceptions': {
      const departmentId = await departmentIdOf(app, command.department);
      const report = toExceptionsReportDto(
        await app
          .get(ExceptionsReportService)
          .report(departmentId, command.asOf ?? undefined, actor),
      );
      files = command.formats.map((format) => {
        const content = format === 'json' ? renderJson(report) : renderCsv(report);
        return {
          content,
          sha256: sha256Hex(content),
          contentType: format,
          fileName: `um-exceptions-${command.department.replace(/[^A-Za-z0-9_-]/g, '_')}-${report.asOf}.${format}`,
        };
      });
      break;
    }
    case 'audit': {
      const packets = app.get(AuditPacketService);
      const departmentId = await departmentIdOf(app, command.department);
      files = [];
      for (const format of command.formats) {
        files.push(
          await packets.generate(
            {
              departmentId,
              from: command.from ?? undefined,
              to: command.to ?? undefined,
              audience: command.audience,
            },
            format,
            actor,
          ),
        );
      }
      break;
    }
    case 'statewide': {
      const rollups = app.get(StatewideRollupService);
      files = [];
      for (const format of command.formats) {
        files.push(await rollups.render(command.fiscalYear, format));
      }
      break;
    }
  }
  const directory = path.resolve(command.out ?? reportsDir);
  fs.mkdirSync(directory, { recursive: true });
  const written: WrittenFile[] = [];
  for (const [index, file] of files.entries()) {
    onProgress(`writing ${file.fileName}`, index + 1, total);
    const target = path.join(directory, file.fileName);
    // Write then rename: a reader never sees half a report.
    fs.writeFileSync(`${target}.partial`, file.content);
    fs.renameSync(`${target}.partial`, target);
    written.push({ path: target, sha256: file.sha256, bytes: file.content.length });
  }
  onProgress('done', total, total);
  return written;
}

async function departmentIdOf(app: INestApplicationContext, code: string): Promise<string> {
  const rows: { id: string }[] = await app
    .get(DataSource)
    .query('SELECT id FROM departments WHERE upper(code) = upper($1)', [code]);
  if (rows.length === 0) throw DomainError.notFound(`Department ${code}`);
  return rows[0].id;
}
