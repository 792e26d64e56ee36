import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { requestIdMiddleware } from './common/request-id';
import { GraphqlValidationPipe } from './graphql/validation.pipe';

/** Middleware and pipes shared by the server and the integration tests, so tests run what users get. */
export function configureApp(app: NestExpressApplication): void {
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  // gzip / brotli (quality 4) for clients that accept it, from 1 kB: the web client's first load goes from
  // 838 kB to ~225 kB on the wire, a results page of JSON to about a fifth (docs/benchmarks.md).
  app.use(compression());
  app.use(cookieParser());
  app.useGlobalPipes(new GraphqlValidationPipe());
}
