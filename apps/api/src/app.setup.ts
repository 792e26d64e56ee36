import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { requestIdMiddleware } from './common/request-id';
import { GraphqlValidationPipe } from './graphql/validation.pipe';

/** Middleware and pipes shared by the server and the integration tests, so tests run what users get. */
export function configureApp(app: NestExpressApplication): void {
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(cookieParser());
  app.useGlobalPipes(new GraphqlValidationPipe());
}
