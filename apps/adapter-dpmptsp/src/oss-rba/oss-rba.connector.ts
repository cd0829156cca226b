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
import {
  LegacyOssRbaClient,
  OssConflict,
  OssRefusal,
  type PermitKind,
} from './legacy-oss-rba.client';
import { PermitStatusCode, toPermitStatusReport } from './permit-status.mapper';

/** The permit OSS-RBA issues for each of our services. */
const PERMIT_KIND_OF_SERVICE: Readonly<Record<string, PermitKind>> = {
  'dpmptsp.nib': 'NIB',
  'dpmptsp.pbg': 'PBG',
};

/** Refusals the applicant can fix; every other refusal is a rejection. */
const FIXABLE_REFUSALS = new Set(['DATA_TIDAK_LENGKAP']);

/** Codes at which a revision has not been taken up: any other means it has been. */
const AWAITING_REVISION = new Set<number>([PermitStatusCode.received, PermitStatusCode.incomplete]);

/** OSS-RBA as the SDK sees it: REST calls, 422 refusals, numeric status codes to poll. */
@Injectable()
export class OssRbaConnector implements LegacyConnector {
  readonly system = 'oss-rba';

  constructor(private readonly oss: LegacyOssRbaClient) {}

  async submit(application: ApplicationSubmitted, call: LegacyCall): Promise<LegacyReceipt> {
    const kodeIzin = PERMIT_KIND_OF_SERVICE[application.serviceCode];
    if (!kodeIzin) throw new Error(`no OSS-RBA permit for ${application.serviceCode}`);
    const agencyReference = await refusalsOf(() =>
      this.oss.submit(
        {
          nomorReferensi: application.applicationId,
          kodeIzin,
          nik: application.applicant.nik,
          nama: application.applicant.name,
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
    const agencyReference = await this.oss.findByReference(applicationId, call);
    return agencyReference ? { agencyReference } : undefined;
  }

  async resubmit(
    resubmission: ApplicationResubmitted,
    agencyReference: string,
    call: LegacyCall,
  ): Promise<void> {
    try {
      await refusalsOf(() => this.oss.revise(agencyReference, resubmission.data, call));
    } catch (error) {
      if (!(error instanceof OssConflict)) throw error;
      // A repeat of a revision that arrived finds the application already taken up again.
      const { kdStatus } = await this.oss.status(agencyReference, call);
      if (AWAITING_REVISION.has(kdStatus)) throw error;
    }
  }

  async cancel(
    cancellation: ApplicationCancelled,
    agencyReference: string,
    call: LegacyCall,
  ): Promise<void> {
    try {
      await refusalsOf(() =>
        this.oss.cancel(agencyReference, cancellation.reason ?? 'Dibatalkan oleh pemohon', call),
      );
    } catch (error) {
      if (!(error instanceof OssConflict)) throw error;
      throw LegacyRefusal.rejected(
        'Permohonan sudah diputus oleh DPMPTSP dan tidak dapat dibatalkan',
        'SUDAH_DIPUTUS',
      );
    }
  }

  async checkStatus(agencyReference: string, call: LegacyCall): Promise<LegacyStatusReport> {
    return toPermitStatusReport(await this.oss.status(agencyReference, call));
  }

  async probe(call: LegacyCall): Promise<void> {
    await this.oss.ping(call);
  }
}

async function refusalsOf<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof OssRefusal)) throw error;
    throw error.kode && FIXABLE_REFUSALS.has(error.kode)
      ? LegacyRefusal.needsRevision(error.reason, error.kode)
      : LegacyRefusal.rejected(error.reason, error.kode);
  }
}
