import { HttpStatus } from '@nestjs/common';
import { flattenValidationErrors, ProblemError, type LocalizedText } from '@mpp/problems';
import type { ValidationError } from 'class-validator';

/**
 * Why a callback is not taken. Anything but a 2xx makes the land system send the callback
 * again later, so "not now" answers matter as much as refusals.
 */
export const CallbackProblems = {
  /** One answer for every failed check, so a forger learns nothing from it. */
  notAuthentic(): ProblemError {
    return new ProblemError(
      '/problems/callback-not-authentic',
      HttpStatus.UNAUTHORIZED,
      { id: 'Callback tidak autentik', en: 'Callback not authentic' },
      {
        id: 'Tanda tangan atau cap waktunya tidak dapat diverifikasi.',
        en: 'The signature or its timestamp does not verify.',
      },
    );
  },
  malformed(detail: LocalizedText, validation: ValidationError[] = []): ProblemError {
    return new ProblemError(
      '/problems/malformed-callback',
      HttpStatus.BAD_REQUEST,
      { id: 'Callback tidak dapat dibaca', en: 'Malformed callback' },
      detail,
      validation.length > 0 ? flattenValidationErrors(validation) : undefined,
    );
  },
  invalidFields(validation: ValidationError[]): ProblemError {
    return CallbackProblems.malformed(
      {
        id: `${validation.length} isian tidak valid.`,
        en: `${validation.length} field(s) are not valid.`,
      },
      validation,
    );
  },
  /** A callback that may apply later: a 409, so the land system sends it again. */
  unknownApplication(applicationId: string): ProblemError {
    return new ProblemError(
      '/problems/unknown-application',
      HttpStatus.CONFLICT,
      { id: 'Permohonan belum tercatat', en: 'Application not on record yet' },
      {
        id: `Pengiriman ${applicationId} belum tercatat di sini; kirim callback lagi nanti.`,
        en: `No submission of ${applicationId} is recorded here yet; send the callback again later.`,
      },
    );
  },
};
