import { Injectable } from '@nestjs/common';
import {
  LegacyRefusal,
  type LegacyCall,
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

  async submit(application: ApplicationSubmitted, call: LegacyCall): Promise<LegacyReceipt> {
    const agencyReference = await refusalsOf(() =>
      this.registry.submit(
        {
          senderReference: application.applicationId,
          // The registry's service codes are ours without the agency prefix.
          legacyServiceCode: application.serviceCode.slice(
            application.serviceCode.indexOf('.') + 1,
          ),
          nik: application.applicant.nik,
          name: application.applicant.name,
          data: application.data,
        },
        call,
      ),
    );
    return { agencyReference };
  }

  async findSubmission(
    applicationId: string,
    call: LegacyCall,
  ): Promise<LegacyReceipt | undefined> {
    const agencyReference = await this.registry.findBySenderReference(applicationId, call);
    return agencyReference ? { agencyReference } : undefined;
  }

  async resubmit(
    resubmission: ApplicationResubmitted,
    agencyReference: string,
    call: LegacyCall,
  ): Promise<void> {
    try {
      await this.registry.revise(agencyReference, resubmission.data, call);
    } catch (error) {
      // A repeat of a revision that arrived finds the registration already back in process.
      if (
        error instanceof CivilRegistryFault &&
        error.code === CivilRegistryFaultCodes.wrongStatus
      ) {
        const { status } = await this.registry.status(agencyReference, call);
        if (status !== 'PERLU_PERBAIKAN') return;
      }
      throw asRefusal(error);
    }
  }

  async cancel(
    cancellation: ApplicationCancelled,
    agencyReference: string,
    call: LegacyCall,
  ): Promise<void> {
    await refusalsOf(() =>
      this.registry.cancel(agencyReference, cancellation.reason ?? 'Dibatalkan oleh pemohon', call),
    );
  }

  async checkStatus(agencyReference: string, call: LegacyCall): Promise<LegacyStatusReport> {
    const report = await this.registry.status(agencyReference, call);
    const status = toCanonicalStatus(report.status);
    if (!status) throw new Error(`unknown civil registry status ${report.status}`);
    return {
      status,
      reason: report.remark,
      result: report.documentNumber ? { documentNumber: report.documentNumber } : undefined,
    };
  }

  async probe(call: LegacyCall): Promise<void> {
    await this.registry.findBySenderReference(PROBE_REFERENCE, call);
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
