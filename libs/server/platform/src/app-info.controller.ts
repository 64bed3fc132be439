import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AppInfoResponse } from '@luoshi/contracts';
import { Public } from './access-policy';
import { APP_CONFIG, type AppConfig } from './config';

/**
 * GET /api/app-info: the product's name as this installation calls it (APP_TITLE, APP_TITLE_EN),
 * for the header, the sign-in page and the browser tab. Public: the sign-in page shows it.
 */
@ApiTags('app')
@Controller('app-info')
export class AppInfoController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Public()
  info(): AppInfoResponse {
    return { title: this.config.APP_TITLE, titleEn: this.config.APP_TITLE_EN };
  }
}
