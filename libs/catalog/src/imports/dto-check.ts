import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationArguments, ValidatorConstraintInterface } from 'class-validator';

/**
 * A yes/no answer to "would class-validator find nothing wrong with this object?", read from the
 * SAME decorator metadata as the API's ValidationPipe (whitelist, forbidNonWhitelisted,
 * forbidUnknownValues, no groups, no skip options), but compiled once per DTO class.
 *
 * `validateSync` looks up a class's rules on every object it validates, and that lookup walks the
 * metadata of every decorated class in the app (`instanceof` against each, to find inherited
 * rules): about 8 nested objects per imported product. Here the lookup happens once per class, and
 * nothing is allocated for a valid object. The answer mirrors class-validator's ValidationExecutor
 * step by step (whitelist, conditional rules, IsDefined, custom constraints with `each`, nested
 * objects and arrays by the value's own class); when it says "invalid", the caller runs
 * class-validator itself, so the errors a seller sees always come from the API's own validation.
 * `dto-check.spec.ts` runs both on the same valid and invalid objects.
 */
export type DtoCheck = (value: object) => boolean;

interface Rule {
  each: boolean;
  validateIf?: (object: object, value: unknown) => boolean;
  /** The arguments class-validator passes its validators; `object` and `value` are set before each call. */
  args: ValidationArguments;
  validators: ValidatorConstraintInterface[];
  /**
   * `@MaxLength(max)` alone: a string of at most `max` UTF-16 units passes without the call (class-validator counts a
   * surrogate pair or a variation selector as less than its units, never more); anything else is asked.
   */
  maxUnits?: number;
  /** Built-in rules that depend on the value alone remember their last string or number (an import repeats most cells). */
  memo: boolean;
  lastValue: string | number | undefined;
  lastPass: boolean;
}

/** class-validator's own rules whose answer depends on the value and the decorator's constraints only. */
const PURE_RULES = new Set(['isString', 'minLength', 'maxLength', 'matches', 'isEmail', 'isUrl', 'isIn', 'isISO31661Alpha2', 'isInt', 'isNumber', 'min', 'max']);

interface PropertyPlan {
  name: string;
  conditions: ((object: object, value: unknown) => boolean)[];
  defined: Rule[];
  custom: Rule[];
  nested: number;
}

interface ClassPlan {
  /** No rules at all: forbidUnknownValues refuses such an object. */
  empty: boolean;
  properties: PropertyPlan[];
  known: Set<string>;
}

/** A class whose instances class-validator checks (any constructor: the value's own class decides). */
type Target = abstract new (...args: never[]) => unknown;

const plans = new Map<Target, ClassPlan>();

function planOf(target: Target): ClassPlan {
  let plan = plans.get(target);
  if (plan) return plan;
  const storage = getMetadataStorage();
  // exactly the arguments validateSync passes (no schema, always: false, strictGroups: false, no groups)
  const metadatas = storage.getTargetValidationMetadatas(target, undefined as unknown as string, false, false, undefined);
  const grouped = storage.groupByPropertyName(metadatas);
  const rule = (m: (typeof metadatas)[number]): Rule => {
    const validators = storage.getTargetValidatorConstraints(m.constraintCls);
    if (validators.some((c) => c.async)) {
      // validateSync ignores async constraints; none of our DTOs has one, so refuse to guess
      throw new Error(`dto-check: async constraint on ${target.name}.${m.propertyName}`);
    }
    const args: ValidationArguments = { targetName: target.name, property: m.propertyName, object: {}, value: undefined, constraints: m.constraints };
    const memo = !m.each && validators.length > 0 && validators.every((c) => PURE_RULES.has(c.name));
    const maxUnits = validators.length === 1 && validators[0].name === 'maxLength' && typeof m.constraints?.[0] === 'number' ? (m.constraints[0] as number) : undefined;
    return { each: m.each, validateIf: m.validateIf, args, validators: validators.map((c) => c.instance), maxUnits, memo, lastValue: undefined, lastPass: false };
  };
  const properties = Object.keys(grouped).map((name): PropertyPlan => {
    const list = grouped[name];
    if (list.some((m) => m.type === ValidationTypes.PROMISE_VALIDATION)) throw new Error(`dto-check: promise validation on ${target.name}.${name}`);
    const rest = list.filter((m) => m.type !== ValidationTypes.IS_DEFINED && m.type !== ValidationTypes.WHITELIST);
    return {
      name,
      conditions: rest.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.constraints[0] as (o: object, v: unknown) => boolean),
      defined: list.filter((m) => m.type === ValidationTypes.IS_DEFINED).map(rule),
      custom: rest.filter((m) => m.type === ValidationTypes.CUSTOM_VALIDATION).map(rule),
      nested: rest.filter((m) => m.type === ValidationTypes.NESTED_VALIDATION).length,
    };
  });
  plan = { empty: metadatas.length === 0, properties, known: new Set(Object.keys(grouped).filter((k) => grouped[k].length > 0)) };
  plans.set(target, plan);
  return plan;
}

const isCollection = (v: unknown): v is unknown[] | Set<unknown> | Map<unknown, unknown> => Array.isArray(v) || v instanceof Set || v instanceof Map;

function rulesPass(object: object, value: unknown, rules: Rule[]): boolean {
  for (const r of rules) {
    if (r.validateIf && !r.validateIf(object, value)) continue;
    if (r.maxUnits !== undefined && !r.each && typeof value === 'string' && value.length <= r.maxUnits) continue;
    if (r.memo && (typeof value === 'string' || typeof value === 'number')) {
      if (value !== r.lastValue) {
        r.lastPass = validatorsPass(r, object, value);
        r.lastValue = value;
      }
      if (!r.lastPass) return false;
      continue;
    }
    if (!validatorsPass(r, object, value)) return false;
  }
  return true;
}

function validatorsPass(r: Rule, object: object, value: unknown): boolean {
  const args = r.args;
  args.object = object;
  args.value = value;
  for (const v of r.validators) {
    if (!r.each || !isCollection(value)) {
      if (!v.validate(value, args)) return false;
    } else {
      const items = Array.isArray(value) ? value : [...(value as Set<unknown> | Map<unknown, unknown>).values()];
      for (const item of items) if (!v.validate(item, args)) return false;
    }
  }
  return true;
}

/** ValidationExecutor.nestedValidations: `count` nested rules on one value. */
function nestedPass(value: unknown, count: number): boolean {
  if (value === undefined) return true;
  for (let i = 0; i < count; i++) {
    if (isCollection(value)) {
      const items = value instanceof Set ? [...value] : value instanceof Map ? [...value.values()] : value;
      // each item is validated like a property with only the nested rules
      for (const item of items) if (!nestedPass(item, count)) return false;
    } else if (value instanceof Object) {
      if (!objectPass(value)) return false;
    } else return false;
  }
  return true;
}

/** ValidationExecutor.execute for one object, by the value's own class. */
function objectPass(object: object): boolean {
  const plan = planOf(object.constructor as Target);
  if (plan.empty) return false;
  for (const key in object) if (Object.hasOwn(object, key) && !plan.known.has(key)) return false;
  for (const p of plan.properties) {
    const value = (object as Record<string, unknown>)[p.name];
    let skip = false;
    for (const c of p.conditions) if (!c(object, value)) skip = true;
    if (skip) continue;
    if (!rulesPass(object, value, p.defined) || !rulesPass(object, value, p.custom) || !nestedPass(value, p.nested)) return false;
  }
  return true;
}

/** The compiled check of instances of `target` (and of the nested classes it meets). */
export function compileDtoCheck(target: new () => object): DtoCheck {
  planOf(target);
  return (value) => objectPass(value);
}
