import type { Provider } from '@nestjs/common';
import { validateEnvironment } from '@mpp/config';
import type { ClassConstructor } from 'class-transformer';

/**
 * A provider of an agency's own settings, validated from the environment when the adapter is
 * created: an invalid value stops it at start with every problem named.
 */
export function environmentConfig<T extends object>(
  schema: ClassConstructor<T>,
  app: string,
): Provider {
  return { provide: schema, useFactory: () => validateEnvironment(schema, process.env, app) };
}
