import 'reflect-metadata';
import { type AppConfig, APP_CONFIG, loadConfigOrExit } from '@luoshi/server/platform';
import { createApp } from './create-app';

async function bootstrap(): Promise<void> {
  loadConfigOrExit();
  const app = await createApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.PORT, process.env['HOST'] ?? '0.0.0.0');
}

void bootstrap();
