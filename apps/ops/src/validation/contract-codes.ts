import { isAgencyCode, isServiceCode } from '@mpp/contracts';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** An agency code as the contracts define it. */
export function IsAgencyCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAgencyCode',
      validator: {
        validate: (value) => typeof value === 'string' && isAgencyCode(value),
        defaultMessage: () => '$property must be an agency code',
      },
    },
    options,
  );
}

/** A service code (`<agency>.<service>`) as the contracts define it. */
export function IsServiceCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isServiceCode',
      validator: {
        validate: (value) => isServiceCode(value),
        defaultMessage: () => '$property must be a service code',
      },
    },
    options,
  );
}
