import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidationError } from 'class-validator';
import { ErrorDetail, MessageParam } from '../errors/app-error';
import { commonError, CommonErrorCode } from '../errors/common-errors';

/**
 * class-validator failures become one VALIDATION_FAILED error with one detail per field. Each
 * detail has a stable code and an i18n key, so its message is rendered in the caller's language;
 * constraint arguments (min length, allowed values) are read from class-validator's metadata.
 */
const TYPE_CONSTRAINTS: Record<string, string> = {
  isString: 'string',
  isInt: 'integer',
  isNumber: 'number',
  isBoolean: 'boolean',
  isObject: 'object',
  nestedValidation: 'object',
  isArray: 'array',
};

function constraintArgs(target: object | undefined, property: string, name: string): unknown[] {
  if (!target) return [];
  const metas = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  const meta = metas.find((m) => m.propertyName === property && (m.name === name || m.type === name));
  return meta?.constraints ?? [];
}

/** The JSON type a DTO property is declared with (from TypeScript's emitted design:type). */
function designTypeOf(target: object | undefined, property: string): string | undefined {
  if (!target) return undefined;
  const type = Reflect.getMetadata('design:type', target, property) as unknown;
  if (type === String) return 'string';
  if (type === Number) return 'number';
  if (type === Boolean) return 'boolean';
  if (type === Array) return 'array';
  return undefined;
}

function matchesDesignType(declared: string, value: unknown): boolean {
  if (declared === 'array') return Array.isArray(value);
  return typeof value === declared;
}

function detailFor(error: ValidationError, path: string): ErrorDetail | undefined {
  const constraints = Object.keys(error.constraints ?? {});
  if (constraints.length === 0) return undefined;
  const has = (n: string) => constraints.includes(n);
  const d = (code: string, key: string, params: Record<string, MessageParam> = {}): ErrorDetail => ({
    field: path,
    code,
    messageKey: `validation.${key}`,
    params: { field: path, ...params },
  });
  if (has('whitelistValidation')) return d('UNKNOWN_FIELD', 'UNKNOWN_FIELD');
  if (has('unknownValue')) return { ...d('BODY_NOT_OBJECT', 'BODY_NOT_OBJECT'), field: '' };
  if (error.value === undefined || error.value === null || has('isDefined') || has('isNotEmpty') && error.value === '') {
    return d('REQUIRED', 'REQUIRED');
  }
  const declared = designTypeOf(error.target, error.property);
  if (declared && !matchesDesignType(declared, error.value)) return d('WRONG_TYPE', 'WRONG_TYPE', { expected: { t: `type.${declared}` } });
  const typeName = constraints.find((c) => c in TYPE_CONSTRAINTS);
  if (typeName) return d('WRONG_TYPE', 'WRONG_TYPE', { expected: { t: `type.${TYPE_CONSTRAINTS[typeName]}` } });
  // a date field (YYYY-MM-DD, see IsCalendarDate): the message states the expected format
  if (has('isIso8601')) return d('INVALID_FORMAT', 'INVALID_DATE');
  const first = constraints[0];
  const args = constraintArgs(error.target, error.property, first);
  switch (first) {
    case 'isEmail':
      return d('INVALID_EMAIL', 'INVALID_EMAIL');
    case 'minLength':
      return d('TOO_SHORT', 'TOO_SHORT', { min: Number(args[0]) });
    case 'arrayMinSize':
      return d('TOO_SHORT', 'TOO_FEW_ITEMS', { min: Number(args[0]) });
    case 'maxLength':
      return d('TOO_LONG', 'TOO_LONG', { max: Number(args[0]) });
    case 'arrayMaxSize':
      return d('TOO_LONG', 'TOO_MANY_ITEMS', { max: Number(args[0]) });
    case 'isIn':
      return d('NOT_ALLOWED', 'NOT_ALLOWED', { allowed: (args[0] as unknown[]).join(', ') });
    case 'isEnum':
      return d('NOT_ALLOWED', 'NOT_ALLOWED', { allowed: Object.values(args[0] as object).join(', ') });
    case 'isISO31661Alpha2':
      return d('INVALID_COUNTRY', 'INVALID_COUNTRY');
    case 'min':
    case 'max':
      return d('OUT_OF_RANGE', 'OUT_OF_RANGE');
    case 'isNotEmpty':
      return d('REQUIRED', 'REQUIRED');
    default:
      return d('INVALID_FORMAT', 'INVALID_FORMAT');
  }
}

/**
 * One detail per failed field, depth first in input order. Iterative and without spreading, so a
 * body of 100,000 invalid items neither overflows the stack nor copies its details over and over
 * (the envelope shows the first `MAX_RENDERED_DETAILS`; see ErrorRenderer).
 */
export function validationDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const stack: Array<[ValidationError, string]> = [];
  for (let i = errors.length - 1; i >= 0; i--) stack.push([errors[i], parent]);
  while (stack.length > 0) {
    const [error, parentPath] = stack.pop()!;
    const isIndex = /^\d+$/.test(error.property);
    const path = parentPath ? (isIndex ? `${parentPath}[${error.property}]` : `${parentPath}.${error.property}`) : error.property;
    const detail = detailFor(error, path);
    if (detail) out.push(detail);
    const children = error.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], path]);
  }
  return out;
}

/** Deepest nesting accepted in a body or query (our widest DTO nests 4 levels; a pack draft ~8). */
export const MAX_INPUT_DEPTH = 32;
const MAX_INPUT_DETAILS = 20;
/**
 * Longest array accepted anywhere in an input (our DTOs take at most 50 items, a pack draft a few
 * hundred). Longer ones are refused before class-validator would validate every item of them
 * (100,000 nested items take seconds even when the list's own maximum is 30).
 */
export const MAX_INPUT_ITEMS = 1000;
/** Keys JSON.parse keeps as own properties but that would reach an object's prototype downstream. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A string PostgreSQL can store and every validator can read: no NUL, and well-formed UTF-16 (JSON
 * lets `"\ud800"` through as a lone surrogate, which `encodeURI` inside validators throws on and
 * PostgreSQL refuses). `String.prototype.isWellFormed` is ES2024 (Node ≥ 20; our lib is ES2023).
 */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && (s as string & { isWellFormed(): boolean }).isWellFormed();
}

/** A key echoed as a detail's field: NULs and lone surrogates shown as U+FFFD. */
const printable = (s: string): string => (s as string & { toWellFormed(): string }).toWellFormed().replace(/\u0000/g, '\ufffd');

/**
 * Checks every input before class-transformer sees it, without recursion (so a 100,000-level body
 * cannot overflow the stack): nesting deeper than {@link MAX_INPUT_DEPTH}, NUL characters and lone
 * UTF-16 surrogates (which PostgreSQL text and jsonb cannot store, and validators may throw on) in
 * any key or string, prototype keys, and arrays over {@link MAX_INPUT_ITEMS} items. Each is a 400
 * with a field detail, never a 500 (or a minute of validation) from the layers below.
 */
export function inspectInput(value: unknown, maxDepth = MAX_INPUT_DEPTH): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const detail = (field: string, code: string, params: Record<string, MessageParam> = {}): ErrorDetail => ({
    field,
    code,
    messageKey: `validation.${code}`,
    params: { field, ...params },
  });
  const stack: Array<[unknown, string, number]> = [[value, '', 0]];
  while (stack.length > 0 && out.length < MAX_INPUT_DETAILS) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) out.push(detail(path, 'INVALID_CHARACTERS'));
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= maxDepth) {
      out.push({ ...detail('', 'TOO_DEEP', { max: maxDepth }), field: '' });
      return out;
    }
    if (Array.isArray(v)) {
      // (a whole body that is an array is BODY_NOT_OBJECT, reported by the pipe)
      if (v.length > MAX_INPUT_ITEMS) {
        if (depth > 0) out.push({ ...detail(path, 'TOO_MANY_ITEMS', { max: MAX_INPUT_ITEMS }), code: 'TOO_LONG' });
      } else for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`, depth + 1]);
      continue;
    }
    for (const key of Object.keys(v)) {
      const field = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) out.push(detail(printable(field), 'UNKNOWN_FIELD'));
      else if (!isStorableText(key)) out.push(detail(printable(field), 'INVALID_CHARACTERS'));
      else stack.push([(v as Record<string, unknown>)[key], field, depth + 1]);
    }
  }
  return out;
}

/**
 * A JSON body must be an object: an array or a scalar is one BODY_NOT_OBJECT error, not noise per
 * index. No body at all is an empty object: a route whose fields are all optional needs none, and
 * a route with required fields lists each of them in `details`.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value === undefined) value = {};
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problems = inspectInput(value);
      if (problems.length > 0) throw commonError(CommonErrorCode.VALIDATION_FAILED, {}, problems);
    }
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw commonError(CommonErrorCode.VALIDATION_FAILED, {}, [
        { field: '', code: 'BODY_NOT_OBJECT', messageKey: 'validation.BODY_NOT_OBJECT', params: {} },
      ]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: true, value: true },
    stopAtFirstError: false,
    exceptionFactory: (errors: ValidationError[]) =>
      commonError(CommonErrorCode.VALIDATION_FAILED, {}, validationDetails(errors)),
  });
}
