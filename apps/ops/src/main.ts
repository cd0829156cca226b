import { ConfigService } from '@nestjs/config';
import { runOperatorCli } from './cli/operator-cli';
import type { OpsConfig } from './config/ops.config';
import { createOpsApp } from './ops.app';

async function serve(): Promise<void> {
  const app = await createOpsApp();
  const config = app.get<ConfigService<OpsConfig, true>>(ConfigService);
  await app.listen(config.get('OPS_PORT', { infer: true }), '0.0.0.0');
}

// One bundle serves and administers: `node main.js operator ...` manages operators.
if (process.argv[2] === 'operator') {
  void runOperatorCli(process.argv.slice(3)).then((code) => process.exit(code));
} else {
  void serve();
}
