/**
 * Runs an app factory with extra environment variables, then restores the environment. Apps read
 * their configuration when created, so several differently configured apps share one process.
 * Call it for one app at a time.
 */
export async function withEnvironment<T>(
  env: Record<string, string>,
  create: () => Promise<T>,
): Promise<T> {
  const previous = { ...process.env };
  Object.assign(process.env, { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env });
  try {
    return await create();
  } finally {
    process.env = previous;
  }
}
