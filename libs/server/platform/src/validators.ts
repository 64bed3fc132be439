import { ValidateBy, type ValidationOptions } from 'class-validator';
import { DATE_WINDOW, isDateInWindow } from '@luoshi/domain/calendar';

/**
 * A real 'YYYY-MM-DD' date within 2000-01-01..2100-12-31 (DATE_WINDOW). Every date a client sends
 * goes through this rule, so a far date never reaches the database or a working-day computation.
 */
export function IsDateInWindow(field: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateInWindow',
      validator: {
        validate: (value: unknown) => isDateInWindow(value),
        defaultMessage: () => `${field}: a date YYYY-MM-DD between ${DATE_WINDOW.min} and ${DATE_WINDOW.max}`,
      },
    },
    options,
  );
}

/** A timestamp (Date after transformation) within the same window, for audit and log filters. */
export function IsInstantInWindow(field: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstantInWindow',
      validator: {
        validate: (value: unknown) =>
          value instanceof Date && !Number.isNaN(value.getTime()) && isDateInWindow(value.toISOString().slice(0, 10)),
        defaultMessage: () => `${field}: a time between ${DATE_WINDOW.min} and ${DATE_WINDOW.max}`,
      },
    },
    options,
  );
}

/** Highest page number any paged list accepts: beyond it OFFSET costs grow without serving anyone. */
export const MAX_PAGE = 10_000;
