import { Controller, type DynamicModule, Get, Inject, Module, Res } from '@nestjs/common';
import type { Response } from 'express';
import { join } from 'node:path';

const WEB_DIST = Symbol('WEB_DIST');

@Controller('graphiql')
class ExplorerController {
  constructor(@Inject(WEB_DIST) private readonly webDist: string) {}

  /** GraphiQL built into the web client's bundle: every asset comes from this app, none from a CDN. */
  @Get()
  explorer(@Res() res: Response): void {
    res.sendFile(join(this.webDist, 'explorer.html'));
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
