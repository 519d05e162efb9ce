import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { JSON_MAX_DEPTH } from '../json-body-parser';

/** Marks an operation as open without a session (`@Public()`); removed from the document. */
export const PUBLIC_EXTENSION = 'x-helpdesk-public';
export const SESSION_SECURITY = 'cookie';
export const API_ERROR_SCHEMA = 'ApiErrorDto';

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const OBJECT_STAND_IN = '#/components/schemas/Object';
/** OpenAPI 3.0 has no `type: null`: this schema admits exactly `null`. */
const nullOnly = (): SchemaObject => ({ type: 'object', nullable: true, enum: [null] });

/**
 * What the decorators cannot say, said once for every operation from what the API really
 * does (guards, pipes, the body parser, the exception filter), so that the document lists
 * every answer an operation can give:
 * - 401 without a session, except on `@Public()` routes; 403 for a state-changing request
 *   without the CSRF header;
 * - 400 for an invalid path id, query or body; 404 for a missing or invisible resource;
 * - 400/413/415 for a body that is not JSON, too deep, over 1 MiB or of another type;
 * - 500 for a fault of ours, without details;
 * and every error answer with the `{ statusCode, error, message }` schema.
 * It also repairs what @nestjs/swagger writes wrongly for OpenAPI 3.0: a nullable reference
 * (`nullable` beside `allOf` does not admit null) and the empty `Object` schema it uses for
 * a TypeScript union.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation) completeOperation(method, operation);
    }
  }
  walkSchemas(document, repairSchema);
  if (!JSON.stringify(document).includes(OBJECT_STAND_IN)) {
    delete document.components?.schemas?.['Object'];
  }
  return document;
}

function completeOperation(method: string, operation: OperationObject): void {
  const extensions = operation as unknown as Record<string, unknown>;
  const isPublic = extensions[PUBLIC_EXTENSION] === true;
  delete extensions[PUBLIC_EXTENSION];
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const inPath = parameters.filter((parameter) => parameter.in === 'path');
  const inQuery = parameters.filter((parameter) => parameter.in === 'query');
  const takesBody = BODY_METHODS.has(method);

  for (const parameter of inPath) parameter.schema = { type: 'integer', minimum: 1 };
  if (!isPublic) {
    operation.security ??= [{ [SESSION_SECURITY]: [] }];
    respond(operation, 401, 'Not signed in, or the session has ended');
    if (takesBody) respond(operation, 403, 'The X-XSRF-TOKEN header is missing or wrong');
  }
  if (inPath.length > 0) {
    respond(operation, 400, 'The id in the path is not a positive whole number');
    respond(operation, 404, 'Missing, or not visible to the caller');
  }
  if (inQuery.length > 0) respond(operation, 400, 'Invalid query parameters');
  if (takesBody) {
    respond(
      operation,
      400,
      `Invalid body: fields, malformed JSON, nesting deeper than ${JSON_MAX_DEPTH}, or a lone surrogate`,
    );
    respond(operation, 413, 'The body is too large');
    respond(operation, 415, 'The body is of a type this operation does not take');
  }
  respond(operation, 500, 'A fault on our side, never caused by input; no details are given');
  for (const [status, response] of Object.entries(operation.responses)) {
    if (Number(status) >= 400) withErrorBody(response as ResponseObject);
  }
}

/** Adds the answer unless the operation's decorators already describe it. */
function respond(operation: OperationObject, status: number, description: string): void {
  operation.responses[status] ??= { description };
}

function withErrorBody(response: ResponseObject): void {
  response.content ??= {
    'application/json': { schema: { $ref: `#/components/schemas/${API_ERROR_SCHEMA}` } },
  };
}

function repairSchema(schema: SchemaObject): void {
  const allOf = schema.allOf as (SchemaObject | ReferenceObject)[] | undefined;
  if (!allOf) return;
  const refs = allOf.filter((part): part is ReferenceObject => '$ref' in part);
  if (schema.oneOf || schema.anyOf) {
    // A union property (`number | 'none'`) documented with its own oneOf: Nest adds
    // `allOf: [Object]` for the reflected type; it says nothing and breaks generators.
    schema.allOf = allOf.filter((part) => !('$ref' in part && part.$ref === OBJECT_STAND_IN));
    if (schema.allOf.length === 0) delete schema.allOf;
    return;
  }
  if (schema.nullable === true && refs.length === 1 && allOf.length === 1) {
    delete schema.nullable;
    delete schema.type;
    delete schema.allOf;
    schema.oneOf = [refs[0] as ReferenceObject, nullOnly()];
  }
}

type SchemaVisitor = (schema: SchemaObject) => void;

/** Visits every schema object in the document (components, parameters, bodies, answers). */
function walkSchemas(node: unknown, visit: SchemaVisitor): void {
  const pending: unknown[] = [node];
  while (pending.length > 0) {
    const item = pending.pop();
    if (Array.isArray(item)) {
      pending.push(...item);
    } else if (typeof item === 'object' && item !== null) {
      if (looksLikeSchema(item)) visit(item as SchemaObject);
      pending.push(...Object.values(item));
    }
  }
}

function looksLikeSchema(item: object): boolean {
  return 'allOf' in item && Array.isArray((item as { allOf: unknown }).allOf);
}
