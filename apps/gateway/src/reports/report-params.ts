import type { PipeTransform } from '@nestjs/common';
import { isAgencyCode, isServiceCode } from '@mpp/contracts';
import { Problems } from '../problems/problem';

function codeParameter(
  field: string,
  isValid: (value: string) => boolean,
  message: string,
): PipeTransform<string, string> {
  return {
    transform(value: string): string {
      if (!isValid(value)) throw Problems.validation([{ field, code: 'isCode', message }]);
      return value;
    },
  };
}

export const AGENCY_CODE = codeParameter(
  'agency',
  isAgencyCode,
  'agency must be an agency code such as disdukcapil',
);

export const SERVICE_CODE = codeParameter(
  'code',
  isServiceCode,
  'code must be a service code such as disdukcapil.ktp-el-penggantian',
);
