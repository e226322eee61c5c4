import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, ValidateIf, ValidateNested } from 'class-validator';

/**
 * Closed shapes for JSON bodies. class-validator alone lets `[[]]` through as an "array of arrays" with nothing
 * inside to validate, a `[]` pass for a nested object, and `null` skip every rule of an optional field — and the
 * service then meets a shape it never expected (a 500). These refuse them as WRONG_TYPE details.
 */

/** An array of at most `max` objects, each validated as `type`. */
export const ListOf = (type: () => new () => object, max: number): PropertyDecorator =>
  applyDecorators(IsArray(), ArrayMaxSize(max), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));

/** One nested object validated as `type` (an array, a string or null is refused). */
export const Nested = (type: () => new () => object): PropertyDecorator => applyDecorators(IsObject(), ValidateNested(), Type(type));

/** May be left out; when present (null included) it must pass the field's rules. Bodies only: use IsOptional for queries. */
export const Omittable = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
