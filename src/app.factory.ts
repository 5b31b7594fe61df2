import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { undeclaredRoutes } from './common/auth/route-inventory';
import type { ResolvedAppConfig } from './config/app-config';

export const API_PREFIX = 'api';
export const OPENAPI_PATH = `${API_PREFIX}/docs`;

/** Builds the whole application (used by `main` and by every e2e test). */
export async function createApp(config: ResolvedAppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders());
  app.useBodyParser('json', { limit: config.bodyLimit });
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, credentials: false });
  }
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready'] });
  serveWebApp(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Upward Mobility Program API')
      .setDescription(
        'System of record for California state departments\u2019 upward mobility programs (Gov Code 19400-19406).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(OPENAPI_PATH, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
  await app.init();
  // Deny by default is enforced by the guard; failing here makes a forgotten declaration loud.
  const undeclared = undeclaredRoutes(app);
  if (undeclared.length > 0) {
    await app.close();
    throw new Error(
      `Routes without @Roles() or @Public(): ${undeclared.map((r) => `${r.method} ${r.path}`).join(', ')}`,
    );
  }
  return app;
}

/**
 * The web app gets a strict policy (its own scripts and styles only); Swagger UI needs inline
 * scripts and styles on its own pages, so only they get 'unsafe-inline'.
 */
function securityHeaders(): RequestHandler {
  const strict = helmet({
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
  });
  const swagger = helmet({
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'", "'unsafe-inline'"],
        'style-src': ["'self'", "'unsafe-inline'"],
      },
    },
  });
  return (request: Request, response: Response, next: NextFunction) =>
    (request.path.startsWith(`/${OPENAPI_PATH}`) ? swagger : strict)(request, response, next);
}

/**
 * Where `npm run build:web` puts the web app: dist/web, beside the compiled server (dist/src);
 * when the server runs from its TypeScript sources (tests), dist/web of the checkout.
 */
export function webAppDirectory(): string {
  const parent = path.resolve(__dirname, '..');
  return fs.existsSync(path.join(parent, 'package.json'))
    ? path.join(parent, 'dist', 'web')
    : path.join(parent, 'web');
}

const NOT_THE_WEB_APP = new RegExp(`^/(${API_PREFIX}|health)(/|$)`);

/**
 * The web app at `/`: hashed assets cached for good, and index.html for every other page path
 * (the app routes in the browser). The API and the health checks are never answered here.
 * Without a build (e.g. `npm test`) nothing is served.
 */
function serveWebApp(app: NestExpressApplication): void {
  const directory = webAppDirectory();
  const indexFile = path.join(directory, 'index.html');
  if (!fs.existsSync(indexFile)) return;
  app.useStaticAssets(directory, {
    index: false,
    redirect: false,
    setHeaders: (response: Response, filePath: string) => {
      const hashed = filePath.startsWith(path.join(directory, 'assets') + path.sep);
      response.setHeader(
        'Cache-Control',
        hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !NOT_THE_WEB_APP.test(request.path) &&
      path.extname(request.path) === '' &&
      request.accepts('html') === 'html';
    if (!isPage) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
}
