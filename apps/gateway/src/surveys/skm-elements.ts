import type { LocalizedText } from '../problems/problem';

/** The nine elements (unsur) of the Survei Kepuasan Masyarakat, PermenPANRB 14/2017. */
export const SKM_ELEMENTS = [
  { code: 'U1', name: { id: 'Persyaratan', en: 'Requirements' } },
  { code: 'U2', name: { id: 'Sistem, mekanisme, dan prosedur', en: 'System and procedure' } },
  { code: 'U3', name: { id: 'Waktu penyelesaian', en: 'Completion time' } },
  { code: 'U4', name: { id: 'Biaya/tarif', en: 'Cost/fee' } },
  { code: 'U5', name: { id: 'Produk spesifikasi jenis pelayanan', en: 'Service product' } },
  { code: 'U6', name: { id: 'Kompetensi pelaksana', en: 'Staff competence' } },
  { code: 'U7', name: { id: 'Perilaku pelaksana', en: 'Staff conduct' } },
  {
    code: 'U8',
    name: { id: 'Penanganan pengaduan, saran dan masukan', en: 'Handling of complaints' },
  },
  { code: 'U9', name: { id: 'Sarana dan prasarana', en: 'Facilities' } },
] as const satisfies readonly { code: string; name: LocalizedText }[];

export type SkmElementCode = (typeof SKM_ELEMENTS)[number]['code'];

export const SKM_ELEMENT_CODES: readonly SkmElementCode[] = SKM_ELEMENTS.map((e) => e.code);

/** One respondent's answers, each from 1 (tidak baik) to 4 (sangat baik). */
export type SkmAnswers = Record<SkmElementCode, number>;

export const SKM_MIN_SCORE = 1;
export const SKM_MAX_SCORE = 4;
