import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../../app/sessions/session-cookies';
import { ApiErrorDto } from './api-error.dto';
import { completeDocument, SESSION_SECURITY } from './complete-document';

/** The OpenAPI document of the whole API, as served at `/api/docs-json`. */
export function createApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Helpdesk API')
    .setDescription(
      'Role-based ticketing. Sign in with POST /api/auth/login; state-changing requests echo ' +
        'the XSRF-TOKEN cookie in the X-XSRF-TOKEN header.',
    )
    .setVersion('1.0')
    .addCookieAuth(SESSION_COOKIE, undefined, SESSION_SECURITY)
    .build();
  return completeDocument(
    SwaggerModule.createDocument(app, config, { extraModels: [ApiErrorDto] }),
  );
}

/** Swagger UI at `<prefix>/docs` and the JSON document, built on the first request for it. */
export function setUpApiDocs(app: NestFastifyApplication, prefix: string): void {
  SwaggerModule.setup(`${prefix}/docs`, app, () => createApiDocument(app), {
    jsonDocumentUrl: `${prefix}/docs-json`,
  });
}
