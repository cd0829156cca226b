import { Injectable } from '@nestjs/common';
import {
  LegacyRefusal,
  type LegacyConnector,
  type LegacyReceipt,
  type LegacyStatusReport,
} from '@mpp/adapter-sdk';
import type {
  ApplicationCancelled,
  ApplicationResubmitted,
  ApplicationSubmitted,
} from '@mpp/contracts';
import { toCanonicalStatus } from './civil-registry-status.mapper';
import {
  CivilRegistryFault,
  CivilRegistryFaultCodes,
  LegacyCivilRegistryClient,
} from './legacy-civil-registry.client';

/** Refusals the applicant can fix; every other refusal is a rejection. */
const FIXABLE_FAULTS = new Set<string>([CivilRegistryFaultCodes.incompleteData]);

/** A reference no registration has: asking for it proves the registry answers. */
const PROBE_REFERENCE = 'PROBE-0000';

/** The civil registry as the SDK sees it: SOAP calls, faults turned into refusals. */
@Injectable()
export class CivilRegistryConnector implements LegacyConnector {
  readonly system = 'civil-registry';

  constructor(private readonly registry: LegacyCivilRegistryClient) {}

  async submit(application: ApplicationSubmitted): Promise<LegacyReceipt> {
    const agencyReference = await refusalsOf(() =>
      this.registry.submit({
        senderReference: application.applicationId,
        // The registry's service codes are ours without the agency prefix.
        legacyServiceCode: application.serviceCode.slice(application.serviceCode.indexOf('.') + 1),
        nik: application.applicant.nik,
        name: application.applicant.name,
        data: application.data,
      }),
    );
    return { agencyReference };
  }

  async findSubmission(applicationId: string): Promise<LegacyReceipt | undefined> {
    const agencyReference = await this.registry.findBySenderReference(applicationId);
    return agencyReference ? { agencyReference } : undefined;
  }

  async resubmit(resubmission: ApplicationResubmitted, agencyReference: string): Promise<void> {
    try {
      await this.registry.revise(agencyReference, resubmission.data);
    } catch (error) {
      // A repeat of a revision that arrived finds the registration already back in process.
      if (
        error instanceof CivilRegistryFault &&
        error.code === CivilRegistryFaultCodes.wrongStatus
      ) {
        const { status } = await this.registry.status(agencyReference);
        if (status !== 'PERLU_PERBAIKAN') return;
      }
      throw asRefusal(error);
    }
  }

  async cancel(cancellation: ApplicationCancelled, agencyReference: string): Promise<void> {
    await refusalsOf(() =>
      this.registry.cancel(agencyReference, cancellation.reason ?? 'Dibatalkan oleh pemohon'),
    );
  }

  async checkStatus(agencyReference: string): Promise<LegacyStatusReport> {
    const report = await this.registry.status(agencyReference);
    const status = toCanonicalStatus(report.status);
    if (!status) throw new Error(`unknown civil registry status ${report.status}`);
    return {
      status,
      reason: report.remark,
      result: report.documentNumber ? { documentNumber: report.documentNumber } : undefined,
    };
  }

  async probe(): Promise<void> {
    await this.registry.findBySenderReference(PROBE_REFERENCE);
  }
}

async function refusalsOf<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw asRefusal(error);
  }
}

function asRefusal(error: unknown): unknown {
  if (!(error instanceof CivilRegistryFault)) return error;
  return FIXABLE_FAULTS.has(error.code)
    ? LegacyRefusal.needsRevision(error.reason, error.code)
    : LegacyRefusal.rejected(error.reason, error.code);
}
