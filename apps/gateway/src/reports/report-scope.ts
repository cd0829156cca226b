import { agencyOfServiceCode } from '@mpp/contracts';
import type { ServiceCatalog } from '../catalog/service-catalog';
import type { Language, LocalizedText } from '../problems/problem';

/** What a report covers: the whole centre, one agency, or one service. */
export type ReportScope =
  | { level: 'centre' }
  | { level: 'agency'; agency: string }
  | { level: 'service'; serviceCode: string };

/** The scope's agency and service code as SQL parameters; null matches every value. */
export function scopeParameters(
  scope: ReportScope,
): [agency: string | null, service: string | null] {
  if (scope.level === 'agency') return [scope.agency, null];
  if (scope.level === 'service') return [agencyOfServiceCode(scope.serviceCode), scope.serviceCode];
  return [null, null];
}

/** Display names from the catalog; null for agencies and services it no longer lists. */
export class CatalogNames {
  constructor(private readonly catalog: ServiceCatalog) {}

  agency(agency: string): string | null {
    return this.catalog.list().find((service) => service.agency === agency)?.agencyName ?? null;
  }

  service(code: string): LocalizedText | null {
    return this.catalog.find(code)?.descriptor.name ?? null;
  }

  /** The scope as it is shown at the head of a report. */
  scopeView(scope: ReportScope) {
    if (scope.level === 'agency') {
      return { ...scope, agencyName: this.agency(scope.agency) };
    }
    if (scope.level === 'service') {
      const agency = agencyOfServiceCode(scope.serviceCode);
      return {
        ...scope,
        serviceName: this.service(scope.serviceCode),
        agency,
        agencyName: this.agency(agency),
      };
    }
    return scope;
  }
}

export type ScopeView = ReturnType<CatalogNames['scopeView']>;

/** The scope's code and name, as the first cells of its row in a CSV export. */
export function scopeCells(scope: ScopeView, language: Language): [string | null, string | null] {
  if (scope.level === 'agency') return [scope.agency, scope.agencyName];
  if (scope.level === 'service') return [scope.serviceCode, scope.serviceName?.[language] ?? null];
  return [null, null];
}
