import { recentFiscalYears } from '../lib/fiscal-year';
import { todayIso } from '../lib/format';
import { SelectField } from './Fields';

/** The current fiscal year and the four before it. */
export function FiscalYearSelect({
  value,
  onChange,
}: {
  value: string;
  onChange(fiscalYear: string): void;
}) {
  const years = recentFiscalYears(todayIso(), 5);
  return (
    <SelectField
      label="Fiscal year"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      options={years.map((y) => ({ value: y, label: y }))}
    />
  );
}

/** The last fiscal year that has ended: the one whose report is due now. */
export function lastClosedFiscalYear(): string {
  return recentFiscalYears(todayIso(), 2)[1];
}
