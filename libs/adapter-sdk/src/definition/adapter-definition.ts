import { isAgencyCode, isServiceCode, type ServiceDescriptor } from '@mpp/contracts';
import type { ClassConstructor } from 'class-transformer';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { domainSchemaConverters } from '@mpp/validation';

/** One service as an agency team declares it: the descriptor, with a DTO instead of a schema. */
export type ServiceDeclaration = Omit<ServiceDescriptor, 'agency' | 'agencyName' | 'dataSchema'> & {
  /** The class-validator DTO of the application's `data`; its JSON Schema is announced. */
  dataDto: ClassConstructor<object>;
};

export interface AdapterDefinition {
  /** The agency code: topics are `mpp.<agency>.applications`, services `<agency>.<service>`. */
  agency: string;
  agencyName: string;
  /** The HTTP port (health, metrics, callbacks) unless ADAPTER_PORT says otherwise. */
  defaultPort: number;
  services: ServiceDescriptor[];
}

/** Checks a declaration and derives what the adapter announces. */
export function defineAdapter(declaration: {
  agency: string;
  agencyName: string;
  defaultPort: number;
  services: ServiceDeclaration[];
}): AdapterDefinition {
  const { agency, agencyName, defaultPort } = declaration;
  if (!isAgencyCode(agency)) throw new Error(`invalid agency code: ${agency}`);
  const services = declaration.services.map(({ dataDto, ...service }) => {
    if (!isServiceCode(service.code) || !service.code.startsWith(`${agency}.`)) {
      throw new Error(`service code ${service.code} is not of the form ${agency}.<service>`);
    }
    return { ...service, agency, agencyName, dataSchema: dataSchemaOf(dataDto) };
  });
  if (services.length === 0) throw new Error(`adapter ${agency} declares no service`);
  return { agency, agencyName, defaultPort, services };
}

/**
 * The JSON Schema of a DTO as the gateway validates submissions with it: unknown fields are
 * refused, as the adapter's own validation would, and domain decorators (`@IsNpwp()`, ...)
 * become formats the gateway checks by the same rules.
 */
export function dataSchemaOf(dto: ClassConstructor<object>): Record<string, unknown> {
  return {
    ...targetConstructorToSchema(dto, { additionalConverters: domainSchemaConverters }),
    additionalProperties: false,
  };
}
export const ADAPTER_DEFINITION = Symbol('ADAPTER_DEFINITION');
