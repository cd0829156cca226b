import { Client } from 'pg';
import { databaseUrlFromEnv } from '@mpp/persistence';

/** A plain connection for asserting what was (or was not) stored. */
export async function withDatabase<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrlFromEnv() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
