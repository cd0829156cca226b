/** The civil registry's web service contract: namespace, operations and SOAP actions. */
export const CIVIL_REGISTRY_NAMESPACE = 'urn:disdukcapil:layanan:v1';
export const CIVIL_REGISTRY_PREFIX = 'dkc';
export const CIVIL_REGISTRY_PATH = 'disdukcapil/ws';

export const CivilRegistryOperation = {
  ajukanPermohonan: 'AjukanPermohonan',
  cekStatus: 'CekStatus',
  cariPermohonan: 'CariPermohonan',
  perbaikiPermohonan: 'PerbaikiPermohonan',
  batalkanPermohonan: 'BatalkanPermohonan',
} as const;

export type CivilRegistryOperation =
  (typeof CivilRegistryOperation)[keyof typeof CivilRegistryOperation];

export const CIVIL_REGISTRY_OPERATIONS: readonly CivilRegistryOperation[] =
  Object.values(CivilRegistryOperation);

export function isCivilRegistryOperation(value: string): value is CivilRegistryOperation {
  return (CIVIL_REGISTRY_OPERATIONS as readonly string[]).includes(value);
}

export function soapActionOf(operation: CivilRegistryOperation): string {
  return `${CIVIL_REGISTRY_NAMESPACE}#${operation}`;
}
