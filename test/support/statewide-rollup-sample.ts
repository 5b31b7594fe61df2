/**
 * Statewide roll-ups for renderer tests: departments built from the annual report sample,
 * varied by index (timeliness, goals, small counts hidden in the roll-up).
 */
import {
  buildAnnualReport,
  isSuppressed,
  reportPeriod,
} from '../../src/modules/reports/annual-report.builder';
import type { AnnualReportData, Count } from '../../src/modules/reports/annual-report.types';
import { buildStatewideRollup } from '../../src/modules/reports/statewide/statewide-rollup.rule';
import type { StatewideDepartmentRaw } from '../../src/modules/reports/statewide/statewide-rollup.rule';
import type {
  StatewideCountColumn,
  StatewideRollupData,
} from '../../src/modules/reports/statewide/statewide-rollup.types';
import { sampleCell, sampleReportRaw } from './annual-report-sample';

export const AS_OF = '2026-08-15';
export const LONG_NAME = 'California Department of Corrections and Rehabilitation';

export interface Sample {
  data: StatewideRollupData;
  /** The certified department-audience reports (every count shown), by department code. */
  reports: Map<string, AnnualReportData>;
}

/**
 * `count` departments, cycling through eight kinds: on time (3), late, overdue, not yet due,
 * on time without a move goal, late with small counts (hidden in the roll-up). Department 8
 * also has a small demographic group of its own, so some statewide diversity cells are hidden.
 */
export function sampleRollup(count: number): Sample {
  const reports = new Map<string, AnnualReportData>();
  const departments: StatewideDepartmentRaw[] = Array.from({ length: count }, (_, i) => {
    const kind = i % 8;
    const code = `D${String(i + 1).padStart(3, '0')}`;
    const small = kind === 7;
    const moves = small ? 1 : 3 + ((i * 7) % 40);
    const scale = 5 + (i % 10);
    const raw = sampleReportRaw();
    const data = buildAnnualReport(
      {
        ...raw,
        period: reportPeriod('2025-26', '2026-07-20'),
        program: {
          ...raw.program,
          participantsDuringYear: small ? 3 : 20 + ((i * 13) % 50),
          participantsWithApprovedPlan: small ? 2 : 10 + (i % 9),
          trainingPeople: small ? 1 : 8 + (i % 17),
          trainingHours: 40 + i * 1.25,
        },
        movesByClass: [
          {
            classCode: '5157',
            title: 'Staff Services Analyst',
            fiscalYearMoves: moves,
            calendarYearMoves: moves + (i % 3),
          },
        ],
        moveTotals: {
          ...raw.moveTotals,
          fiscalYearMoves: moves,
          calendarYearMoves: moves + (i % 3),
        },
        demographics: [
          ...raw.demographics.map((cell) => ({
            ...cell,
            employees: cell.employees * scale,
            applicants: cell.applicants * scale,
            accepted: cell.accepted * scale,
            participants: cell.participants * scale,
            withApprovedPlan: cell.withApprovedPlan * scale,
            trained: cell.trained * scale,
            tdAssigned: cell.tdAssigned * scale,
            appointed: cell.appointed * scale,
          })),
          ...(i === 7
            ? [
                sampleCell({
                  ethnicities: ['AMERICAN_INDIAN'],
                  gender: 'NONBINARY',
                  veteran: 'YES',
                  employees: 2,
                  applicants: 2,
                  accepted: 1,
                  participants: 1,
                  trained: 1,
                }),
              ]
            : []),
        ],
        goals: {
          ...raw.goals,
          current:
            kind === 6
              ? null
              : raw.goals.current && { ...raw.goals.current, moveGoal: 5 + ((i * 11) % 45) },
        },
      },
      'department',
    );
    const late = kind === 3 || kind === 7;
    const certifiedOn = late
      ? `2026-07-${String(2 + (i % 20)).padStart(2, '0')}`
      : `2026-06-${String(10 + (i % 15)).padStart(2, '0')}`;
    const certified = kind === 4 || kind === 5 ? null : { version: 1 + (i % 3), certifiedOn, data };
    if (certified) reports.set(code, data);
    return {
      code,
      name: i === 1 ? LONG_NAME : `Example Agency ${i + 1}`,
      reportDueMonthDay: kind === 5 ? '12-31' : '07-01',
      smallCellThreshold: 5,
      certified,
    };
  });
  const data = buildStatewideRollup({
    fiscalYear: '2025-26',
    periodStart: '2025-07-01',
    periodEnd: '2026-06-30',
    today: AS_OF,
    generatedAt: '2026-08-15T16:00:00.000Z',
    departments,
  });
  return { data, reports };
}

/** A certified report's counts as the department sees them (nothing hidden). */
export function realCounts(report: AnnualReportData): Record<StatewideCountColumn, number> {
  const shown = (count: Count): number => {
    if (isSuppressed(count)) throw new Error('department audience hides nothing');
    return count;
  };
  return {
    employeesInLpelOrBridging: shown(report.participation.employeesInLpelOrBridging.duringYear),
    participants: shown(report.participation.participants.duringYear),
    withApprovedPlan: shown(report.participation.participants.withApprovedPlan),
    trainingPeople: shown(report.participation.training.people),
    fiscalYearMoves: shown(report.goalsVsResults.moves.fiscalYear.moves),
    calendarYearMoves: shown(report.goalsVsResults.moves.calendarYear.moves),
  };
}
