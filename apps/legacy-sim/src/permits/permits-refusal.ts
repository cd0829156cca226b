import type { Refusal } from '../rest/refusal';

/** The licensing system's error body: `{ status, kode?, message, data? }`. */
export function renderPermitsRefusal({ httpStatus, message, details }: Refusal): object {
  return {
    status: httpStatus,
    ...(details.kode === undefined ? {} : { kode: details.kode }),
    message,
    ...(details.data === undefined ? {} : { data: details.data }),
  };
}

/** The token endpoint's error body (RFC 6749 §5.2): `{ error, error_description }`. */
export function renderOAuthRefusal({ message, details }: Refusal): object {
  return { error: details.kode ?? 'invalid_request', error_description: message };
}
