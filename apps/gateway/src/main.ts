import { ConfigService } from '@nestjs/config';
import type { GatewayConfig } from './config/gateway.config';
import { createGatewayApp } from './gateway.app';

async function bootstrap(): Promise<void> {
  const app = await createGatewayApp();
  const config = app.get<ConfigService<GatewayConfig, true>>(ConfigService);
  const port = config.get('GATEWAY_PORT', { infer: true });
  await app.listen(port, '0.0.0.0');
}

void bootstrap();
