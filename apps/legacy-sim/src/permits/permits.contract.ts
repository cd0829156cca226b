/** The licensing system's REST contract (OSS-RBA style): base path, permit kinds, status codes. */
export const PERMITS_BASE_PATH = 'oss/v1';

/** Permits (`kode_izin`) the system issues: a business identity number, a building approval. */
export const PERMIT_KINDS = ['NIB', 'PBG'] as const;

export type PermitKind = (typeof PERMIT_KINDS)[number];

/** The numeric status codes (`kd_status`) the system reports. */
export const PermitStatus = {
  received: 10,
  incomplete: 11,
  underValidation: 20,
  awaitingPayment: 45,
  approvedAwaitingIssuance: 52,
  issued: 50,
  autoIssued: 57,
  rejected: 90,
  cancelled: 95,
} as const;

export type PermitStatus = (typeof PermitStatus)[keyof typeof PermitStatus];
