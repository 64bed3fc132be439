import 'reflect-metadata';
import { type AppConfig, APP_CONFIG, ConfigError, loadConfig } from '@luoshi/server/platform';
import { createApp } from './create-app';

async function bootstrap(): Promise<void> {
  try {
    loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const app = await createApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.PORT, process.env['HOST'] ?? '0.0.0.0');
}

void bootstrap();
