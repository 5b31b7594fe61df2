/**
 * `npm run report -- <kind> ...`: the command line of the report generators, parsed into a
 * command. Pure (no I/O), so the parsing is unit-tested on its own.
 */
import { parseArgs } from 'node:util';
import { REPORT_AUDIENCES, REPORT_FORMATS } from '../modules/reports/annual-report.types';
import type { ReportAudience, ReportFormat } from '../modules/reports/annual-report.types';
import { STATEWIDE_FORMATS } from '../modules/reports/statewide/statewide-rollup.formats';
import type { StatewideFormat } from '../modules/reports/statewide/statewide-rollup.formats';
import {
  AUDIT_PACKET_AUDIENCES,
  AUDIT_PACKET_FORMATS,
} from '../modules/reports/audit-packet/audit-packet.types';
import type {
  AuditPacketAudience,
  AuditPacketFormat,
} from '../modules/reports/audit-packet/audit-packet.types';
import { UsageError } from './usage-error';

export const USAGE = `usage: npm run report -- <kind> [options]

  annual      --department <code> --fy <2025-26> [--format json,csv,pdf,xlsx]
              [--audience department|oversight] [--version <n>]
              The department's annual Upward Mobility report: the draft computed now, or with
              --version the stored bytes of a certified version.
  exceptions  --department <code> [--as-of <YYYY-MM-DD>] [--format json,csv]
              The compliance exceptions report for the coordinator.
  statewide   --fy <2025-26> [--format json,csv,pdf,xlsx]
              The statewide roll-up of the departments' certified reports.
  audit       --department <code> [--from <YYYY-MM-DD>] [--to <YYYY-MM-DD>]
              [--format pdf,xlsx,json] [--audience department|oversight]
              The compliance audit packet for the State Personnel Board (default period: the
              last three complete fiscal years).

  Common:     --out <dir>   where files are written (default: REPORTS_DIR, ./reports)
`;

const FISCAL_YEAR = /^\d{4}-\d{2}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type ReportCommand =
  | {
      kind: 'annual';
      department: string;
      fiscalYear: string;
      formats: ReportFormat[];
      audience: ReportAudience;
      version: number | null;
      out: string | null;
    }
  | {
      kind: 'exceptions';
      department: string;
      asOf: string | null;
      formats: ('json' | 'csv')[];
      out: string | null;
    }
  | { kind: 'statewide'; fiscalYear: string; formats: StatewideFormat[]; out: string | null }
  | {
      kind: 'audit';
      department: string;
      from: string | null;
      to: string | null;
      formats: AuditPacketFormat[];
      audience: AuditPacketAudience;
      out: string | null;
    };

function formatsOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fallback: T[],
): T[] {
  if (value === undefined) return fallback;
  const formats = value.split(',').map((format) => format.trim().toLowerCase());
  const unknown = formats.filter((format) => !(allowed as readonly string[]).includes(format));
  if (unknown.length > 0 || formats.length === 0) {
    throw new UsageError(
      `--format: ${unknown.join(', ') || '(empty)'} is not one of ${allowed.join(', ')}`,
    );
  }
  return [...new Set(formats)] as T[];
}

function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === '')
    throw new UsageError(`${option} is required\n\n${USAGE}`);
  return value.trim();
}

function fiscalYearOption(value: string | undefined): string {
  const fiscalYear = required(value, '--fy');
  if (!FISCAL_YEAR.test(fiscalYear))
    throw new UsageError(`--fy must look like 2025-26, not ${fiscalYear}`);
  return fiscalYear;
}

function dateOption(value: string | undefined, option: string): string | null {
  if (value === undefined) return null;
  if (!ISO_DATE.test(value))
    throw new UsageError(`${option} must be a date written YYYY-MM-DD, not ${value}`);
  return value;
}

export function parseReportCommand(argv: readonly string[]): ReportCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        department: { type: 'string' },
        fy: { type: 'string' },
        format: { type: 'string' },
        audience: { type: 'string' },
        version: { type: 'string' },
        'as-of': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const out = values.out ?? null;
  switch (positionals[0]) {
    case 'annual': {
      const audience = values.audience ?? 'department';
      if (!(REPORT_AUDIENCES as readonly string[]).includes(audience)) {
        throw new UsageError(`--audience must be one of ${REPORT_AUDIENCES.join(', ')}`);
      }
      let version: number | null = null;
      if (values.version !== undefined) {
        if (!/^[1-9]\d{0,8}$/.test(values.version)) {
          throw new UsageError('--version must be a version number (1, 2, ...)');
        }
        version = Number(values.version);
      }
      return {
        kind: 'annual',
        department: required(values.department, '--department'),
        fiscalYear: fiscalYearOption(values.fy),
        formats: formatsOf(values.format, REPORT_FORMATS, ['pdf', 'xlsx']),
        audience: audience as ReportAudience,
        version,
        out,
      };
    }
    case 'exceptions': {
      return {
        kind: 'exceptions',
        department: required(values.department, '--department'),
        asOf: dateOption(values['as-of'], '--as-of'),
        formats: formatsOf(values.format, ['json', 'csv'] as const, ['json', 'csv']),
        out,
      };
    }
    case 'statewide':
      return {
        kind: 'statewide',
        fiscalYear: fiscalYearOption(values.fy),
        formats: formatsOf(values.format, STATEWIDE_FORMATS, ['pdf', 'xlsx']),
        out,
      };
    case 'audit': {
      const audience = values.audience ?? 'department';
      if (!(AUDIT_PACKET_AUDIENCES as readonly string[]).includes(audience)) {
        throw new UsageError(`--audience must be one of ${AUDIT_PACKET_AUDIENCES.join(', ')}`);
      }
      return {
        kind: 'audit',
        department: required(values.department, '--department'),
        from: dateOption(values.from, '--from'),
        to: dateOption(values.to, '--to'),
        formats: formatsOf(values.format, AUDIT_PACKET_FORMATS, ['pdf', 'xlsx']),
        audience: audience as AuditPacketAudience,
        out,
      };
    }
    default:
      throw new UsageError(`unknown report kind "${positionals[0]}"\n\n${USAGE}`);
  }
}
