import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * The field may be left out, but when sent it must be valid: unlike class-validator's
 * `IsOptional`, `null` is not "left out" (`{"status": null}` reached the database).
 */
export const Omittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/**
 * A whole number in the query string, written plainly: `25` becomes 25; `1e21`, `0x10`,
 * `1.5` or 20 digits stay strings and fail `@IsInt()`. (`Number()` read `1e21` as a
 * whole number, and the database then saw an offset beyond any integer.)
 */
export const QueryInteger = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value,
  );

/** The largest id a row can have (a 32-bit integer column on both engines). */
export const MAX_ID = 2_147_483_647;

/**
 * A row id sent in a body or a query: a whole number from 1 to {@link MAX_ID}. (`1e21` is a
 * whole number to JavaScript, and PostgreSQL refused it with a 500.)
 */
export const IsId = (options: ValidationOptions = {}) =>
  applyDecorators(IsInt(options), Min(1, options), Max(MAX_ID, options));
