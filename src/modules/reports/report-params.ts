import { DomainError } from '../../common/errors/domain-error';
import { parseFiscalYear } from '../program-calendar/fiscal-year.rule';
import type { FiscalYear } from '../program-calendar/fiscal-year.rule';

/** The `:fiscalYear` of a report route, or a 400 naming it. */
export function fiscalYearParam(fiscalYear: string): FiscalYear {
  try {
    return parseFiscalYear(fiscalYear);
  } catch (error) {
    throw DomainError.validation([
      {
        field: 'path.fiscalYear',
        message: error instanceof Error ? error.message : 'must look like 2025-26',
      },
    ]);
  }
}
