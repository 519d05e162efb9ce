import fc from 'fast-check';
import type { OpenAPIV3 } from 'openapi-types';

type Schema = OpenAPIV3.SchemaObject;
type SchemaOrRef = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

/** Longer strings are allowed by some fields (20,000 characters); the fuzz keeps them short. */
const LONGEST_GENERATED = 60;

/**
 * fast-check arbitraries made from the schemas of an OpenAPI 3.0 document: values the
 * schema admits, and values it refuses (wrong types, nulls, bounds, bad text, unknown
 * fields, missing fields, deep nesting).
 */
export class SchemaArbitraries {
  constructor(private readonly document: OpenAPIV3.Document) {}

  resolve(schema: SchemaOrRef): Schema {
    if (!('$ref' in schema)) return schema;
    const name = schema.$ref.split('/').pop() ?? '';
    const found = this.document.components?.schemas?.[name];
    if (!found) throw new Error(`No schema ${schema.$ref}`);
    return this.resolve(found);
  }

  /** Values the schema admits. */
  valid(schemaOrRef: SchemaOrRef): fc.Arbitrary<unknown> {
    const schema = this.resolve(schemaOrRef);
    const value = this.validNonNull(schema);
    return schema.nullable ? fc.option(value, { nil: null }) : value;
  }

  private validNonNull(schema: Schema): fc.Arbitrary<unknown> {
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const union = schema.oneOf ?? schema.anyOf;
    if (union) return fc.oneof(...union.map((part) => this.valid(part)));
    if (schema.allOf?.length === 1 && schema.allOf[0]) return this.valid(schema.allOf[0]);
    switch (schema.type) {
      case 'string':
        return validString(schema);
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
      case 'number':
        return fc.double({
          min: schema.minimum ?? -1000,
          max: schema.maximum ?? 1000,
          noNaN: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(this.valid(schema.items), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 5, 5),
        });
      case 'object':
      case undefined:
        return this.validObject(schema);
    }
  }

  private validObject(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
    const properties = Object.entries(schema.properties ?? {}).filter(
      ([, property]) => !this.resolve(property).readOnly,
    );
    const model = Object.fromEntries(
      properties.map(([key, property]) => [key, this.valid(property)]),
    );
    return fc.record(model, { requiredKeys: schema.required ?? [] });
  }

  /** Values the schema refuses, each made by breaking one thing of a valid value. */
  invalid(schemaOrRef: SchemaOrRef): fc.Arbitrary<unknown> {
    const schema = this.resolve(schemaOrRef);
    const choices: fc.Arbitrary<unknown>[] = [this.wrongValue(schema)];
    if (schema.type === 'object' || schema.properties) {
      const properties = Object.entries(schema.properties ?? {});
      const valid = this.validObject(schema);
      if (properties.length > 0) {
        choices.push(
          fc
            .tuple(valid, fc.constantFrom(...properties))
            .chain(([body, [key, property]]) =>
              this.invalid(property).map((bad) => ({ ...body, [key]: bad })),
            ),
        );
      }
      choices.push(valid.map((body) => ({ ...body, notAField: 'x' })));
      if (schema.required?.length) {
        choices.push(
          fc.tuple(valid, fc.constantFrom(...schema.required)).map(([body, key]) => {
            const copy = { ...body };
            delete copy[key];
            return copy;
          }),
        );
      }
    }
    return fc.oneof(...choices);
  }

  /** A value of the wrong kind for the schema, or out of its bounds. */
  private wrongValue(schema: Schema): fc.Arbitrary<unknown> {
    const wrong: fc.Arbitrary<unknown>[] = [
      fc.constantFrom<unknown>(true, -1, 1e21, 1.5, '', 'x', '\ud800', [], {}, [null], {
        a: { b: { c: {} } },
      }),
      deepObject(),
    ];
    if (!schema.nullable) wrong.push(fc.constant(null));
    const allowed = schema.enum;
    if (allowed) wrong.push(fc.string({ maxLength: 12 }).filter((s) => !allowed.includes(s)));
    if (schema.type === 'string') {
      if (schema.maxLength !== undefined && schema.maxLength <= 20_000) {
        wrong.push(fc.constant('y'.repeat(schema.maxLength + 1)));
      }
      if (schema.minLength) wrong.push(fc.constant('y'.repeat(schema.minLength - 1)));
      wrong.push(fc.integer());
      wrong.push(fc.constantFrom('lone \ud800 surrogate', '\udfff'));
    }
    if (schema.type === 'integer' || schema.type === 'number') {
      if (schema.minimum !== undefined) wrong.push(fc.constant(schema.minimum - 1));
      if (schema.maximum !== undefined) wrong.push(fc.constant(schema.maximum + 1));
      wrong.push(fc.constantFrom('1', 'NaN', Number.MAX_SAFE_INTEGER + 2));
    }
    if (schema.type === 'boolean') wrong.push(fc.constantFrom('true', 0, 1));
    if (schema.type === 'array') wrong.push(fc.constantFrom('a', [[[]]], Array(200).fill('a')));
    return fc.oneof(...wrong);
  }
}

function validString(schema: Schema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(
    minLength,
    Math.min(schema.maxLength ?? LONGEST_GENERATED, LONGEST_GENERATED),
  );
  if (schema.format === 'email') {
    return fc.emailAddress().filter((email) => email.length <= (schema.maxLength ?? 254));
  }
  if (schema.format === 'date-time')
    return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const text = fc.string({ minLength, maxLength, unit: 'grapheme' });
  // Whitespace-only text is trimmed to nothing by some fields: valid in shape, not in content.
  return minLength > 0 ? text.filter((value) => value.trim().length >= minLength) : text;
}

/** An object nested 40 levels deep: past the JSON depth limit. */
function deepObject(): fc.Arbitrary<unknown> {
  return fc.constant(undefined).map(() => {
    let value: unknown = 1;
    for (let level = 0; level < 40; level += 1) value = { a: value };
    return value;
  });
}
