import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
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
  app.use(
    helmet({
      // Swagger UI needs inline scripts and styles on its own page.
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'", "'unsafe-inline'"],
          'style-src': ["'self'", "'unsafe-inline'"],
        },
      },
    }),
  );
  app.useBodyParser('json', { limit: config.bodyLimit });
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, credentials: false });
  }
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready'] });

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
