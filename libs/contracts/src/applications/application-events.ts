import { ApplicationStatus } from '../status/application-status';

export interface ApplicantContact {
  phone?: string;
  email?: string;
}

export interface Applicant {
  nik: string;
  name: string;
  contact: ApplicantContact;
}

export interface DocumentReference {
  name: string;
  mediaType: string;
  sha256: string;
  url: string;
}

/** `data` of `application.submitted.v1` on `mpp.<agency>.applications`. */
export interface ApplicationSubmitted {
  applicationId: string;
  trackingNumber: string;
  serviceCode: string;
  clientId: string;
  applicant: Applicant;
  data: Record<string, unknown>;
  documents: DocumentReference[];
  submittedAt: string;
}

/** `data` of `application.status-changed.v1` on `mpp.status`. */
export interface StatusChanged {
  applicationId: string;
  serviceCode: string;
  status: ApplicationStatus;
  /** The agency's own reference number, once it has one. */
  agencyReference?: string;
  /** Why, in the agency's words: rejection or revision reasons. */
  reason?: string;
  /** The result once issued, e.g. the document number. */
  result?: Record<string, unknown>;
  /** When the agency system reported it. */
  occurredAt: string;
}

/**
 * `data` of `application.resubmitted.v1` on `mpp.<agency>.applications`: the whole application
 * again, with the applicant's corrected data after `NEEDS_REVISION` (an agency that refused it
 * at the door never registered it, so its adapter submits it anew). `revision` counts
 * submissions: the first resubmission is revision 2.
 */
export interface ApplicationResubmitted extends ApplicationSubmitted {
  revision: number;
  resubmittedAt: string;
}

/**
 * `data` of `application.cancelled.v1` on `mpp.<agency>.applications`: the applicant withdrew
 * the application before the agency decided. The adapter reports `CANCELLED` once the agency's
 * system has withdrawn it too.
 */
export interface ApplicationCancelled {
  applicationId: string;
  trackingNumber: string;
  serviceCode: string;
  reason?: string;
  cancelledAt: string;
}
