import { Controller, type DynamicModule, Get, Inject, Module, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { sendBuildFile } from '../../web-assets';

const WEB_DIST = Symbol('WEB_DIST');

@Controller('graphiql')
class ExplorerController {
  constructor(@Inject(WEB_DIST) private readonly webDist: string) {}

  /** GraphiQL built into the web client's bundle: every asset comes from this app, none from a CDN. */
  @Get()
  explorer(@Res() res: FastifyReply): FastifyReply {
    // The explorer is served with the web client (WebClientModule registers @fastify/static).
    return sendBuildFile(res, 'explorer.html', this.webDist);
  }
}

@Module({})
export class ExplorerModule {
  static forRoot(webDist: string): DynamicModule {
    return {
      module: ExplorerModule,
      controllers: [ExplorerController],
      providers: [{ provide: WEB_DIST, useValue: webDist }],
    };
  }
}
