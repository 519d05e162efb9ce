import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { ATTACHMENT_MAX_BYTES } from '@helpdesk/shared/domain';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app/app.module';
import { ApiValidationPipe } from './common/api-validation.pipe';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { registerJsonBodyParser } from './common/json-body-parser';
import { setUpApiDocs } from './common/openapi/api-docs';
import type { AppConfig } from './config/app-config';

export const API_PREFIX = 'api';

/** Builds the whole application: used by `main.ts`, the CLI-free e2e tests and benchmarks. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: config.requestLogs ? { level: 'info' } : false,
    bodyLimit: 1024 * 1024,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: config.requestLogs ? undefined : ['error', 'warn'],
    // JSON only, through our parser below: Nest's would also accept form-encoded bodies.
    bodyParser: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalPipes(new ApiValidationPipe());
  registerJsonBodyParser(app.getHttpAdapter().getInstance());

  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI and Angular Material use inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        // Behind plain HTTP (localhost, a TLS-terminating proxy) upgrading would break assets.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyMultipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1 } });

  setUpApiDocs(app, API_PREFIX);
  await serveWebApp(app, config.webRoot);
  return app;
}

/**
 * The built Angular app at `/`: its files as static routes, and index.html for any other
 * path outside /api so deep links load. Unknown /api paths stay JSON 404s.
 */
async function serveWebApp(app: NestFastifyApplication, webRoot: string): Promise<void> {
  if (!existsSync(join(webRoot, 'index.html'))) return;
  await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      if (request.url.startsWith(`/${API_PREFIX}/`)) {
        return reply
          .status(404)
          .send({ statusCode: 404, error: 'Not Found', message: 'Not found' });
      }
      return reply.sendFile('index.html');
    });
}
