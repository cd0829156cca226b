import type { LocalizedText } from '../problems/problem';

type Choices = Readonly<Record<string, LocalizedText>>;

/**
 * The respondent profile of the SKM questionnaire in PermenPANRB 14/2017 (sex, education,
 * occupation as the questionnaire lists them). The questionnaire asks the age in years; the
 * centre reports it in ten-year bands, which is all that is kept.
 */
export const RESPONDENT_PROFILE = {
  ageBand: {
    '<20': { id: 'Di bawah 20 tahun', en: 'Under 20' },
    '20-29': { id: '20-29 tahun', en: '20-29' },
    '30-39': { id: '30-39 tahun', en: '30-39' },
    '40-49': { id: '40-49 tahun', en: '40-49' },
    '50-59': { id: '50-59 tahun', en: '50-59' },
    '60+': { id: '60 tahun ke atas', en: '60 and over' },
  },
  sex: {
    L: { id: 'Laki-laki', en: 'Male' },
    P: { id: 'Perempuan', en: 'Female' },
  },
  education: {
    SD: { id: 'SD ke bawah', en: 'Primary school or less' },
    SMP: { id: 'SMP', en: 'Junior high school' },
    SMA: { id: 'SMA', en: 'Senior high school' },
    'D1-D3-D4': { id: 'D1-D3-D4', en: 'Diploma' },
    S1: { id: 'S1', en: "Bachelor's degree" },
    'S2+': { id: 'S2 ke atas', en: "Master's degree or higher" },
  },
  occupation: {
    PNS: { id: 'PNS', en: 'Civil servant' },
    TNI: { id: 'TNI', en: 'Armed forces' },
    POLRI: { id: 'POLRI', en: 'Police' },
    SWASTA: { id: 'Swasta', en: 'Private sector employee' },
    WIRAUSAHA: { id: 'Wirausaha', en: 'Self-employed' },
    LAINNYA: { id: 'Lainnya', en: 'Other' },
  },
} as const satisfies Record<string, Choices>;

export type ProfileField = keyof typeof RESPONDENT_PROFILE;

export const PROFILE_FIELDS = Object.keys(RESPONDENT_PROFILE) as ProfileField[];

export type RespondentProfile = {
  [field in ProfileField]?: keyof (typeof RESPONDENT_PROFILE)[field];
};

export function profileValues(field: ProfileField): string[] {
  return Object.keys(RESPONDENT_PROFILE[field]);
}

export function profileLabel(field: ProfileField, value: string): LocalizedText | undefined {
  return (RESPONDENT_PROFILE[field] as Choices)[value];
}
