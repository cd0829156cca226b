import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Turns an app's environment into its validated configuration class, with the class's own
 * defaults for unset variables (an empty value counts as unset, as orchestrators often pass
 * them); an invalid value stops the app at start with every problem named.
 */
export function validateEnvironment<T extends object>(
  schema: ClassConstructor<T>,
  raw: Record<string, unknown>,
  app: string,
): T {
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const config = plainToInstance(schema, given, { exposeDefaultValues: true });
  const errors = validateSync(config);
  if (errors.length > 0) {
    const detail = errors
      .map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`)
      .join('; ');
    throw new Error(`invalid ${app} configuration: ${detail}`);
  }
  return config;
}
