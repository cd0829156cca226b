import { ConfigService } from '@nestjs/config';
import { createAdapterApp } from './adapter.app';
import type { AdapterConfig } from './config/adapter.config';

async function bootstrap(): Promise<void> {
  const app = await createAdapterApp();
  await app.init();
  await app.startAllMicroservices();
  const config = app.get<ConfigService<AdapterConfig, true>>(ConfigService);
  await app.listen(config.get('ADAPTER_PORT', { infer: true }), '0.0.0.0');
}

void bootstrap();
