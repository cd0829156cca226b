import { Injectable } from '@nestjs/common';
import {
  LegacyRefusal,
  type LegacyCall,
  type LegacyConnector,
  type LegacyReceipt,
} from '@mpp/adapter-sdk';
import type {
  ApplicationCancelled,
  ApplicationResubmitted,
  ApplicationSubmitted,
} from '@mpp/contracts';
import { LandStatus } from './land-status.mapper';
import {
  LandHttpStatus,
  LandRefusal,
  LegacyLandClient,
  type LandService,
} from './legacy-land.client';

const LAND_SERVICES: Readonly<Record<string, LandService>> = {
  'bpbatam.alokasi-lahan-baru': 'ALOKASI_BARU',
  'bpbatam.perpanjangan-alokasi-lahan': 'PERPANJANGAN',
};

/** Refusals the applicant can fix by correcting the data; every other refusal is a rejection. */
const FIXABLE_REFUSALS = new Set(['DATA_TIDAK_LENGKAP']);

/**
 * BP Batam's land system as the SDK sees it. It pushes progress by callback (see
 * callbacks/), so there is no status check to poll.
 */
@Injectable()
export class LandConnector implements LegacyConnector {
  readonly system = 'land';

  constructor(private readonly land: LegacyLandClient) {}

  async submit(application: ApplicationSubmitted, call: LegacyCall): Promise<LegacyReceipt> {
    const layanan = LAND_SERVICES[application.serviceCode];
    if (!layanan) throw new Error(`no land service for ${application.serviceCode}`);
    try {
      const agencyReference = await this.land.submit(
        {
          referensi: application.applicationId,
          layanan,
          nik: application.applicant.nik,
          nama: application.applicant.name,
          data: application.data,
        },
        call,
      );
      return { agencyReference };
    } catch (error) {
      throw asRefusal(error);
    }
  }

  async findSubmission(
    applicationId: string,
    call: LegacyCall,
  ): Promise<LegacyReceipt | undefined> {
    const agencyReference = await this.land.findByReference(applicationId, call);
    return agencyReference ? { agencyReference } : undefined;
  }

  async resubmit(
    resubmission: ApplicationResubmitted,
    agencyReference: string,
    call: LegacyCall,
  ): Promise<void> {
    try {
      await this.land.revise(agencyReference, resubmission.data, call);
    } catch (error) {
      // A repeat of a revision that arrived finds the berkas no longer waiting for one.
      if (isConflict(error)) {
        const { status } = await this.land.status(agencyReference, call);
        if (status !== LandStatus.needsCorrection) return;
      }
      throw asRefusal(error);
    }
  }

  async cancel(
    cancellation: ApplicationCancelled,
    agencyReference: string,
    call: LegacyCall,
  ): Promise<void> {
    try {
      await this.land.cancel(
        agencyReference,
        cancellation.reason ?? 'Dibatalkan oleh pemohon',
        call,
      );
    } catch (error) {
      throw asRefusal(error);
    }
  }

  async probe(call: LegacyCall): Promise<void> {
    await this.land.ping(call);
  }
}

function isConflict(error: unknown): boolean {
  return error instanceof LandRefusal && error.httpStatus === LandHttpStatus.conflict;
}

function asRefusal(error: unknown): unknown {
  if (!(error instanceof LandRefusal)) return error;
  return error.code && FIXABLE_REFUSALS.has(error.code)
    ? LegacyRefusal.needsRevision(error.reason, error.code)
    : LegacyRefusal.rejected(error.reason, error.code);
}
