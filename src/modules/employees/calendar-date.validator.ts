import { registerDecorator } from 'class-validator';
import type { ValidationOptions } from 'class-validator';
import { parseIsoDate } from '../program-calendar/fiscal-year.rule';

/** True for an existing calendar date written `YYYY-MM-DD` (refuses `2025-02-30`, times, zones). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** `@IsCalendarDate()`: the property must be an existing date written `YYYY-MM-DD`. */
export function IsCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
  };
}
