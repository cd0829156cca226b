import { checkNik, NikProblem } from '@mpp/contracts';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

const MESSAGES: Record<NikProblem, string> = {
  format: 'NIK must be exactly 16 digits',
  region: 'NIK region code is not in the official region list',
  'birth-date': 'NIK does not encode a real birth date',
  serial: 'NIK serial number must start from 0001',
};

/** A NIK per DESIGN.md §4; the message names which part is wrong, never echoing the value. */
export function IsNik(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isNik',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && checkNik(value).valid,
        defaultMessage: (args: ValidationArguments) => {
          const value: unknown = args.value;
          if (typeof value !== 'string') return MESSAGES.format;
          const result = checkNik(value);
          return result.valid ? '' : MESSAGES[result.problem];
        },
      },
    });
  };
}
