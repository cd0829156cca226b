import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import { databaseUrlFromEnv } from './database-url';
import { ensureDatabase, ensureSchema } from './prepare-database';

export interface AppDatabase {
  /** The app's own schema; no app reads another app's tables. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/**
 * TypeORM options of one app: its own schema and migrations table, migrations run at start,
 * never `synchronize`.
 */
export async function appDataSourceOptions(
  app: AppDatabase,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DataSourceOptions> {
  const url = databaseUrlFromEnv(env);
  await ensureDatabase(url);
  await ensureSchema(url, app.schema);
  return {
    type: 'postgres',
    url,
    schema: app.schema,
    entities: app.entities,
    migrations: app.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Raw SQL (migrations, relays) resolves unqualified names in the app's own schema.
    extra: { max: Number(env.DATABASE_POOL_SIZE ?? 10), options: `-c search_path=${app.schema}` },
    logging: ['error'],
  };
}
