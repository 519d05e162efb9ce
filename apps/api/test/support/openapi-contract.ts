import type { OpenAPIV3 } from 'openapi-types';
import OpenAPIResponseValidator, {
  type OpenAPIResponseValidatorArgs,
  type OpenAPIResponseValidatorError,
} from 'openapi-response-validator';
import type { Response, Test } from 'supertest';

type Operation = OpenAPIV3.OperationObject;

interface Route {
  pattern: RegExp;
  /** Fewer path parameters first, so `/api/tickets/stats` wins over `/api/tickets/{id}`. */
  parameterCount: number;
  operations: Map<string, Operation>;
}

/** One answer that the OpenAPI document does not describe. */
export interface ContractViolation {
  request: string;
  status: number;
  problem: string;
}

/**
 * Checks real answers against the OpenAPI document the API serves: the status code must be
 * one the operation documents, and a JSON body must match that answer's schema
 * (openapi-response-validator, OpenAPI 3.0 semantics). Requests to paths outside the
 * document (unknown routes, the docs themselves) are not checked.
 */
export class OpenApiContract {
  private readonly routes: Route[];
  private readonly validators = new Map<Operation, OpenAPIResponseValidator>();
  /** Every answer checked and every violation found, for the counts a test may report. */
  checked = 0;
  readonly violations: ContractViolation[] = [];

  constructor(private readonly document: OpenAPIV3.Document) {
    this.routes = Object.entries(document.paths)
      .map(([path, item]) => toRoute(path, item ?? {}))
      .sort((a, b) => a.parameterCount - b.parameterCount);
  }

  /** A supertest plugin: every response of the request is checked as part of its assertions. */
  readonly plugin = (test: Test): void => {
    void test.expect((response: Response) => {
      const violation = this.check(test.method, test.url, response);
      if (violation) {
        throw new Error(
          `OpenAPI contract violation: ${violation.request} answered ${violation.status}: ${violation.problem}`,
        );
      }
    });
  };

  /** The violation of one answer, or null when it matches (or is outside) the document. */
  check(method: string, url: string, response: Response): ContractViolation | null {
    const { pathname } = new URL(url, 'http://localhost');
    const operation = this.operation(method, pathname);
    if (!operation) return null;
    this.checked += 1;
    const request = `${method.toUpperCase()} ${pathname}`;
    const problem = this.problemWith(operation, response);
    if (!problem) return null;
    const violation = { request, status: response.status, problem };
    this.violations.push(violation);
    return violation;
  }

  private operation(method: string, pathname: string): Operation | undefined {
    const route = this.routes.find((candidate) => candidate.pattern.test(pathname));
    return route?.operations.get(method.toLowerCase());
  }

  private problemWith(operation: Operation, response: Response): string | null {
    const documented = operation.responses[String(response.status)];
    if (!documented) {
      return `status not documented (documented: ${Object.keys(operation.responses).join(', ')}); body ${JSON.stringify(response.body)}`;
    }
    const isJson = /^application\/json\b/.test(String(response.headers['content-type'] ?? ''));
    const schema = 'content' in documented ? documented.content?.['application/json'] : undefined;
    if (!isJson || !schema) return null;
    const result = this.validator(operation).validateResponse(response.status, response.body);
    if (!result) return null;
    const errors = (result.errors as OpenAPIResponseValidatorError[])
      .map((error) => `${error.path}: ${error.message}`)
      .join('; ');
    return `${errors}; body ${JSON.stringify(response.body).slice(0, 500)}`;
  }

  private validator(operation: Operation): OpenAPIResponseValidator {
    let validator = this.validators.get(operation);
    if (!validator) {
      // The validator rewrites the schemas it is given (OpenAPI 3.0 → JSON Schema): copies.
      validator = new OpenAPIResponseValidator({
        responses: structuredClone(operation.responses),
        components: structuredClone(this.document.components ?? {}),
        // Its typings want OpenAPI 2's `schema`; OpenAPI 3's `content` is what it reads too.
      } as unknown as OpenAPIResponseValidatorArgs);
      this.validators.set(operation, validator);
    }
    return validator;
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function toRoute(path: string, item: OpenAPIV3.PathItemObject): Route {
  const source = path
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  const operations = new Map<string, Operation>();
  for (const method of METHODS) {
    const operation = item[method];
    if (operation) operations.set(method, operation);
  }
  return {
    pattern: new RegExp(`^${source}$`),
    parameterCount: (path.match(/\{/g) ?? []).length,
    operations,
  };
}
