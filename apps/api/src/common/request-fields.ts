import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

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
