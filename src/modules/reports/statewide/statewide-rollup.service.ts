import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { calendarDateIn, programToday } from '../../program-calendar/program-date';
import type { AnnualReportData } from '../annual-report.types';
import { renderCsv, renderJson, sha256Hex } from '../report-figures.rule';
import { REPORT_FILE_TYPES } from '../report-file.response';
import { fiscalYearParam } from '../report-params';
import { renderStatewideRollupPdf } from './statewide-rollup.pdf';
import type { StatewideFormat } from './statewide-rollup.formats';
import { buildStatewideRollup } from './statewide-rollup.rule';
import type { StatewideRollupData } from './statewide-rollup.types';
import { renderStatewideRollupXlsx } from './statewide-rollup.xlsx';


export interface RenderedRollup {
  content: Buffer;
  sha256: string;
  contentType: string;
  fileName: string;
}

interface DepartmentCertificationRow {
  code: string;
  name: string;
  reportDueMonthDay: string;
  smallCellThreshold: number;
  version: number | null;
  firstCertifiedAt: Date | null;
  data: AnnualReportData | null;
}

/**
 * The statewide roll-up for oversight (AUDITOR, ADMIN): every department's latest certified
 * annual report of the year. Timeliness counts from a department's first certification: a
 * corrected version certified later does not make an on-time report late.
 */
@Injectable()
export class StatewideRollupService {
  constructor(private readonly dataSource: DataSource) {}

  async rollup(fiscalYear: string): Promise<StatewideRollupData> {
    const year = fiscalYearParam(fiscalYear);
    const rows = await this.certifiedReports(year.label);
    return buildStatewideRollup({
      fiscalYear: year.label,
      periodStart: year.start,
      periodEnd: year.end,
      today: programToday(),
      generatedAt: new Date().toISOString(),
      departments: rows.map((row) => ({
        code: row.code,
        name: row.name,
        reportDueMonthDay: row.reportDueMonthDay,
        smallCellThreshold: row.smallCellThreshold,
        certified:
          row.version === null || row.data === null || row.firstCertifiedAt === null
            ? null
            : {
                version: row.version,
                certifiedOn: calendarDateIn(row.firstCertifiedAt),
                data: row.data,
              },
      })),
    });
  }

  /** Every department with its latest certified report of the year (the roll-up's only query). */
  certifiedReports(fiscalYear: string): Promise<DepartmentCertificationRow[]> {
    return this.dataSource.query(
      `SELECT d.code, d.name, d.report_due_month_day AS "reportDueMonthDay",
              d.small_cell_threshold AS "smallCellThreshold",
              latest.version, first.certified_at AS "firstCertifiedAt", latest.data
         FROM departments d
         LEFT JOIN LATERAL (
           SELECT v.version, v.data FROM report_versions v
            WHERE v.department_id = d.id AND v.kind = 'ANNUAL' AND v.fiscal_year = $1
            ORDER BY v.version DESC LIMIT 1) latest ON true
         LEFT JOIN LATERAL (
           SELECT v.certified_at FROM report_versions v
            WHERE v.department_id = d.id AND v.kind = 'ANNUAL' AND v.fiscal_year = $1
            ORDER BY v.version ASC LIMIT 1) first ON true
        ORDER BY d.code`,
      [fiscalYear],
    );
  }

  async render(fiscalYear: string, format: StatewideFormat): Promise<RenderedRollup> {
    const data = await this.rollup(fiscalYear);
    const content = await renderRollup(data, format);
    return {
      content,
      sha256: sha256Hex(content),
      contentType: REPORT_FILE_TYPES[format],
      fileName: `um-statewide-rollup-${data.fiscalYear}.${format}`,
    };
  }
}

async function renderRollup(data: StatewideRollupData, format: StatewideFormat): Promise<Buffer> {
  switch (format) {
    case 'json':
      return renderJson(data);
    case 'csv':
      return renderCsv(data);
    case 'pdf':
      return renderStatewideRollupPdf(data, { dataSha256: sha256Hex(renderJson(data)) });
    case 'xlsx':
      return renderStatewideRollupXlsx(data);
  }
}
