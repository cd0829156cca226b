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
