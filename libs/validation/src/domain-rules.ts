import {
  checkDocumentUrl,
  checkEmailAddress,
  checkNib,
  checkNik,
  checkNpwp,
  checkPhoneNumber,
  DOCUMENT_MEDIA_TYPES,
  isDocumentMediaType,
  isDocumentName,
  isSha256Hex,
  MAX_DOCUMENT_NAME_LENGTH,
  type DocumentUrlProblem,
  type EmailAddressProblem,
  type NibProblem,
  type NikProblem,
  type NpwpProblem,
  type PhoneNumberProblem,
} from '@mpp/contracts';
import type { DomainRule } from './domain-rule';

function problemOf<P extends string>(
  result: { valid: true } | { valid: false; problem: P },
): P | undefined {
  return result.valid ? undefined : result.problem;
}

const nik: DomainRule<NikProblem> = {
  format: 'nik',
  problems: {
    format: {
      code: 'nikFormat',
      message: { id: 'NIK harus 16 angka', en: 'A NIK is exactly 16 digits' },
    },
    region: {
      code: 'nikRegion',
      message: {
        id: 'Kode wilayah NIK tidak ada dalam daftar wilayah resmi',
        en: 'The region code of the NIK is not in the official region list',
      },
    },
    'birth-date': {
      code: 'nikBirthDate',
      message: {
        id: 'NIK tidak memuat tanggal lahir yang benar (bagi perempuan, tanggal ditambah 40)',
        en: 'The NIK does not hold a real birth date (for women, 40 is added to the day)',
      },
    },
    serial: {
      code: 'nikSerial',
      message: { id: 'Nomor urut NIK dimulai dari 0001', en: 'The serial of a NIK starts at 0001' },
    },
  },
  check: (value) => problemOf(checkNik(value)),
};

const nib: DomainRule<NibProblem> = {
  format: 'nib',
  problems: {
    format: {
      code: 'nibFormat',
      message: { id: 'NIB harus 13 angka', en: 'A NIB is exactly 13 digits' },
    },
  },
  check: (value) => problemOf(checkNib(value)),
};

const npwp: DomainRule<NpwpProblem> = {
  format: 'npwp',
  problems: {
    format: {
      code: 'npwpFormat',
      message: { id: 'NPWP harus 16 angka', en: 'An NPWP is exactly 16 digits' },
    },
    placeholder: {
      code: 'npwpPlaceholder',
      message: {
        id: 'NPWP berisi nol semua bukan NPWP yang terdaftar',
        en: 'An NPWP of all zeros is not a registered NPWP',
      },
    },
    'not-nik': {
      code: 'npwpNotNik',
      message: {
        id: 'NPWP orang pribadi adalah NIK-nya, tetapi nomor ini bukan NIK yang sah; NPWP badan diawali 0',
        en: "An individual's NPWP is their NIK, but this is no valid NIK; an entity's starts with 0",
      },
    },
  },
  check: (value) => problemOf(checkNpwp(value)),
};

const phoneNumber: DomainRule<PhoneNumberProblem> = {
  format: 'id-phone-number',
  problems: {
    format: {
      code: 'phoneFormat',
      message: {
        id: 'Nomor telepon ditulis dengan angka saja, diawali 0, 62 atau +62',
        en: 'A phone number is digits only, starting with 0, 62 or +62',
      },
    },
    mobile: {
      code: 'phoneMobile',
      message: {
        id: 'Nomor ponsel adalah 08 diikuti 8 sampai 11 angka',
        en: 'A mobile number is 08 followed by 8 to 11 digits',
      },
    },
    landline: {
      code: 'phoneLandline',
      message: {
        id: 'Nomor telepon rumah/kantor adalah kode wilayah diikuti 5 sampai 8 angka',
        en: 'A landline number is an area code followed by 5 to 8 digits',
      },
    },
  },
  check: (value) => problemOf(checkPhoneNumber(value)),
};

const emailAddress: DomainRule<EmailAddressProblem> = {
  // The standard format name, so form builders render an email field; the gateway applies
  // this rule under it.
  format: 'email',
  problems: {
    format: {
      code: 'emailFormat',
      message: {
        id: 'Alamat email tidak berbentuk nama@domain.tld',
        en: 'An email address looks like name@domain.tld',
      },
    },
    length: {
      code: 'emailLength',
      message: {
        id: 'Alamat email paling panjang 254 karakter, 64 sebelum @',
        en: 'An email address has at most 254 characters, 64 before the @',
      },
    },
  },
  check: (value) => problemOf(checkEmailAddress(value)),
};

const sha256: DomainRule<'format'> = {
  format: 'sha256',
  problems: {
    format: {
      code: 'sha256Format',
      message: {
        id: 'SHA-256 ditulis sebagai 64 digit heksadesimal huruf kecil',
        en: 'A SHA-256 digest is 64 lowercase hexadecimal digits',
      },
    },
  },
  check: (value) => (isSha256Hex(value) ? undefined : 'format'),
};

const documentMediaType: DomainRule<'not-allowed'> = {
  format: 'document-media-type',
  problems: {
    'not-allowed': {
      code: 'mediaTypeNotAllowed',
      message: {
        id: `Jenis berkas yang diterima: ${DOCUMENT_MEDIA_TYPES.join(', ')}`,
        en: `Accepted media types: ${DOCUMENT_MEDIA_TYPES.join(', ')}`,
      },
    },
  },
  check: (value) => (isDocumentMediaType(value) ? undefined : 'not-allowed'),
};

const documentUrl: DomainRule<DocumentUrlProblem> = {
  format: 'document-url',
  problems: {
    format: {
      code: 'documentUrlFormat',
      message: {
        id: 'Alamat berkas harus URL lengkap, paling panjang 2000 karakter',
        en: 'A document URL is an absolute URL of at most 2000 characters',
      },
    },
    scheme: {
      code: 'documentUrlScheme',
      message: { id: 'Alamat berkas harus https', en: 'A document URL must use https' },
    },
    credentials: {
      code: 'documentUrlCredentials',
      message: {
        id: 'Alamat berkas tidak boleh memuat nama pengguna atau kata sandi',
        en: 'A document URL must not hold a user name or password',
      },
    },
    host: {
      code: 'documentUrlHost',
      message: {
        id: 'Alamat berkas harus memakai nama domain publik, bukan alamat IP atau nama lokal',
        en: 'A document URL must name a public domain, not an IP address or a local name',
      },
    },
  },
  check: (value) => problemOf(checkDocumentUrl(value)),
};

const documentName: DomainRule<'format'> = {
  format: 'document-name',
  problems: {
    format: {
      code: 'documentNameFormat',
      message: {
        id: `Nama berkas 1-${MAX_DOCUMENT_NAME_LENGTH} karakter tanpa folder (/ atau \\) atau karakter kendali`,
        en: `A document name has 1-${MAX_DOCUMENT_NAME_LENGTH} characters, no folder (/ or \\) and no control characters`,
      },
    },
  },
  check: (value) => (isDocumentName(value) ? undefined : 'format'),
};

/** Every domain rule, by what it checks. */
export const DomainRules = {
  nik,
  nib,
  npwp,
  phoneNumber,
  emailAddress,
  sha256,
  documentMediaType,
  documentUrl,
  documentName,
} as const;
