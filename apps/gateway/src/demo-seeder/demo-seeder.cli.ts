import { kafkaConnectionFromEnv, toKafkaConfig } from '@mpp/kafka';
import { loadWorkingCalendar } from '@mpp/working-time';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { seedDemoMonth } from './demo-seeder';

const USAGE =
  'usage: seed [--seed N] [--days N] [--per-day N]   (env: MPP_KEY, MPP_GATEWAY_URL, KAFKA_BROKERS)';

/**
 * `node dist/apps/gateway/main.js seed`, run by `npm run seed`: a month of demo history in the
 * gateway at MPP_GATEWAY_URL, as the front-end client whose key is MPP_KEY. Answers an exit code.
 */
export async function runDemoSeederCli(args: string[], env = process.env): Promise<number> {
  const options = parseArguments(args);
  if (!options || !env.MPP_KEY) {
    console.error(USAGE);
    return 2;
  }
  const kafka = new Kafka({
    ...toKafkaConfig(kafkaConnectionFromEnv('mpp-demo-seeder', env)),
    logLevel: logLevel.WARN,
  });
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const startedAt = Date.now();
  try {
    await producer.connect();
    const summary = await seedDemoMonth({
      ...options,
      gatewayUrl: env.MPP_GATEWAY_URL ?? 'http://127.0.0.1:3000',
      apiKey: env.MPP_KEY,
      producer,
      calendar: loadWorkingCalendar(env.WORKING_CALENDAR_FILE),
      log: (line) => console.log(`[seed] ${line}`),
    });
    console.log(`[seed] done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    console.log(JSON.stringify(summary, null, 2));
    return 0;
  } catch (error) {
    console.error(`[seed] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await producer.disconnect();
  }
}

function parseArguments(
  args: string[],
): { seed: number; days?: number; perWorkingDay?: number } | undefined {
  const names: Record<string, 'seed' | 'days' | 'perWorkingDay'> = {
    '--seed': 'seed',
    '--days': 'days',
    '--per-day': 'perWorkingDay',
  };
  const options: { seed: number; days?: number; perWorkingDay?: number } = { seed: 1 };
  for (let i = 0; i < args.length; i += 2) {
    const name = names[args[i]];
    const value = Number(args[i + 1]);
    if (!name || !Number.isInteger(value) || value < 1) return undefined;
    options[name] = value;
  }
  return options;
}
