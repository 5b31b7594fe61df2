import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { EligibilityFactsLoader } from '../eligibility/eligibility-facts.loader';
import type { LoadedEmployee } from '../eligibility/eligibility-facts.loader';
import { departmentReport, EligibilityService } from '../eligibility/eligibility.service';
import type { RuleSetInForce } from '../eligibility/rule-sets.service';
import type { PipelineRaw, ReportPeriod } from './annual-report.builder';
import { AnnualReportQueries } from './annual-report.queries';

export interface PipelineTarget {
  classCode: string;
  title: string;
}

export interface PipelineMeasurement {
  /** Per target class: counts, or null when the class has no rules in force. */
  entries: PipelineRaw[];
  /** Distinct employees eligible now, or projected to be by `date` (within 12 months), for at
   * least one target: how many more moves the department could make by then. */
  eligibleBy(date: string): number;
}

/**
 * The eligibility pipeline of a department: its LPEL/bridging employees on the rolls on the
 * as-of date, measured by the eligibility service against each ELTPA target class's minimum
 * qualifications. Facts are loaded once for the department and every class's rules applied to
 * them. Used by the annual report (section 7) and by the exceptions report (goals at risk).
 */
@Injectable()
export class EligibilityPipeline {
  constructor(
    private readonly queries: AnnualReportQueries,
    private readonly eligibility: EligibilityService,
    private readonly facts: EligibilityFactsLoader,
  ) {}

  async measure(
    manager: EntityManager,
    departmentId: string,
    period: Pick<ReportPeriod, 'fiscalYear' | 'asOf'>,
    targetClasses: readonly PipelineTarget[],
  ): Promise<PipelineMeasurement> {
    const targets: { cls: PipelineTarget; ruleSet: RuleSetInForce | null }[] = [];
    for (const cls of targetClasses) {
      targets.push({ cls, ruleSet: await this.ruleSetInForce(manager, cls.classCode, period.asOf) });
    }
    // The facts are loaded once, and only when some class has rules to measure them against.
    let employees: LoadedEmployee[] = [];
    if (targets.some((target) => target.ruleSet !== null)) {
      const ids = await this.queries.lpelOrBridgingOnAsOf(manager, departmentId, period);
      employees = await this.facts.forEmployees(manager, [...ids], period.asOf);
    }
    const entries: PipelineRaw[] = [];
    /** Employee id -> the earliest date they are (projected to be) eligible for some target. */
    const earliest = new Map<string, string>();
    const note = (id: string, date: string): void => {
      const known = earliest.get(id);
      if (known === undefined || date < known) earliest.set(id, date);
    };
    for (const { cls, ruleSet } of targets) {
      if (ruleSet === null) {
        entries.push({ classCode: cls.classCode, title: cls.title, counts: null });
        continue;
      }
      const report = departmentReport(departmentId, period.asOf, ruleSet, employees);
      const { counts } = report;
      for (const entry of report.eligible) note(entry.id, period.asOf);
      for (const entry of report.within12Months) {
        if (entry.projectedMetOn !== null) note(entry.id, entry.projectedMetOn);
      }
      entries.push({
        classCode: cls.classCode,
        title: cls.title,
        counts: {
          evaluated: counts.evaluated,
          eligible: counts.eligible,
          examEligible: counts.examEligible,
          within3Months: counts.within3Months,
          within6Months: counts.within6Months,
          within12Months: counts.within12Months,
          unusable: counts.unusable,
        },
      });
    }
    return {
      entries,
      eligibleBy: (date) => [...earliest.values()].filter((on) => on <= date).length,
    };
  }

  /** The class's eligibility rules in force on the date; null when it has none. */
  private async ruleSetInForce(
    manager: EntityManager,
    classCode: string,
    asOf: string,
  ): Promise<RuleSetInForce | null> {
    try {
      return await this.eligibility.targetRuleSet(manager, classCode, asOf);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}
