import { type ValidationError } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { DomainException } from './domain.exception';

/**
 * Rules every DTO follows without repeating them on each field (issue 12 row 5):
 * - a NUL character is refused in any string of a body, query or path (PostgreSQL text cannot
 *   hold it; we refuse rather than strip so what is stored is what was sent);
 * - explicit null is refused on an optional field unless the field declares null meaningful
 *   (`@ValidateIf((_, v) => v !== null)`): null never silently means "absent";
 * - text with a minimum length (`@Length(1, …)`, `@MinLength(n)`) must have that many
 *   non-whitespace characters: "   " is not a title.
 */
export function findNulCharacter(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
    const found = findNulCharacter(child, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

export function nulCharacterException(field: string): DomainException {
  return new DomainException(
    400,
    'NUL_CHARACTER',
    `输入有误：${field} 含有空字符（\\u0000）`,
    `Invalid input: ${field} contains a NUL character (\\u0000)`,
    [{ field, problems: ['contains a NUL character'] }],
  );
}

interface PropertyRules {
  optionalOnly: boolean;
  minLength: number;
  eachMinLength: number;
}

type DtoClass = abstract new (...args: never[]) => unknown;

const rulesCache = new Map<DtoClass, Map<string, PropertyRules>>();

function rulesOf(target: DtoClass): Map<string, PropertyRules> {
  const cached = rulesCache.get(target);
  if (cached) return cached;
  const rules = new Map<string, PropertyRules>();
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  for (const m of metadatas) {
    const rule = rules.get(m.propertyName) ?? { optionalOnly: false, minLength: 0, eachMinLength: 0 };
    rules.set(m.propertyName, rule);
    if (m.type === ValidationTypes.CONDITIONAL_VALIDATION && m.name === 'isOptional') rule.optionalOnly = true;
    if (m.type === ValidationTypes.CONDITIONAL_VALIDATION && m.name !== 'isOptional') rule.optionalOnly = false;
    const min = m.name === 'isLength' || m.name === 'minLength' ? Number(m.constraints?.[0] ?? 0) : 0;
    if (min > 0 && m.each) rule.eachMinLength = Math.max(rule.eachMinLength, min);
    else if (min > 0) rule.minLength = Math.max(rule.minLength, min);
  }
  // A ValidateIf anywhere on the property means null was considered: it is not "optional only".
  for (const m of metadatas) {
    if (m.type === ValidationTypes.CONDITIONAL_VALIDATION && m.name !== 'isOptional') {
      const rule = rules.get(m.propertyName);
      if (rule) rule.optionalOnly = false;
    }
  }
  rulesCache.set(target, rules);
  return rules;
}

const isBlank = (value: string, min: number) => value.replace(/[\s\u3000\u200b\ufeff]/g, '').length < min;

/** Errors for explicit nulls and blank text on a transformed DTO instance, nested DTOs included. */
export function edgeRuleErrors(instance: object, path = ''): ValidationError[] {
  const target = instance.constructor as DtoClass | undefined;
  if (!target || target === Object) return [];
  const errors: ValidationError[] = [];
  const record = instance as Record<string, unknown>;
  for (const [property, rule] of rulesOf(target)) {
    const value = record[property];
    const field = path ? `${path}.${property}` : property;
    const fail = (name: string, message: string) => errors.push({ property: field, value, target: instance, constraints: { [name]: message }, children: [] });
    if (value === null && rule.optionalOnly) {
      fail('notNull', `${property} must not be null (leave it out instead)`);
    } else if (typeof value === 'string' && rule.minLength > 0 && isBlank(value, rule.minLength)) {
      fail('notBlank', `${property} must not be blank`);
    } else if (Array.isArray(value)) {
      if (rule.eachMinLength > 0 && value.some((v) => typeof v === 'string' && isBlank(v, rule.eachMinLength))) {
        fail('notBlank', `each ${property} must not be blank`);
      }
      value.forEach((item, i) => {
        if (item !== null && typeof item === 'object') errors.push(...edgeRuleErrors(item as object, `${field}.${i}`));
      });
    } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      errors.push(...edgeRuleErrors(value as object, field));
    }
  }
  return errors;
}
