import { HttpStatus } from '@nestjs/common';
import { isJsonObject, type JsonObject } from '../casework/json-object';
import {
  checkSubmission,
  type CheckedSubmission,
  type SubmissionFieldNames,
  SubmissionRefused,
  type SubmissionRefusalReason,
} from '../casework/submission-check';
import { Refusal } from './refusal';

export interface RestSubmissionShape<S extends string> {
  /** The JSON member that carries each submission field. */
  fields: SubmissionFieldNames;
  services: readonly S[];
  /** The system's `kode` for each reason to refuse. */
  codes: Record<SubmissionRefusalReason, string>;
}

/** Reads a JSON submission body; a refused one is a 422 with the system's code. */
export function checkRestSubmission<S extends string>(
  body: unknown,
  shape: RestSubmissionShape<S>,
): CheckedSubmission<S> {
  const members = bodyMembers(body);
  try {
    return checkSubmission(
      {
        reference: members[shape.fields.reference],
        service: members[shape.fields.service],
        nik: members[shape.fields.nik],
        nama: members[shape.fields.nama],
        data: members[shape.fields.data],
      },
      shape.fields,
      shape.services,
    );
  } catch (error) {
    if (error instanceof SubmissionRefused) {
      throw new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, error.message, {
        kode: shape.codes[error.reason],
      });
    }
    throw error;
  }
}

/** The members of a JSON object body; anything else reads as an empty object. */
export function bodyMembers(body: unknown): JsonObject {
  return isJsonObject(body) ? body : {};
}
