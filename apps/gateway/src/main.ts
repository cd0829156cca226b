import { ConfigService } from '@nestjs/config';
import type { GatewayConfig } from './config/gateway.config';
import { runDemoSeederCli } from './demo-seeder/demo-seeder.cli';
import { createGatewayApp } from './gateway.app';

async function bootstrap(): Promise<void> {
  const app = await createGatewayApp();
  const config = app.get<ConfigService<GatewayConfig, true>>(ConfigService);
  const port = config.get('GATEWAY_PORT', { infer: true });
  await app.listen(port, '0.0.0.0');
}

// One bundle serves and seeds: `node main.js seed ...` writes demo history (`npm run seed`).
if (process.argv[2] === 'seed') {
  void runDemoSeederCli(process.argv.slice(3)).then((code) => process.exit(code));
} else {
  void bootstrap();
}
