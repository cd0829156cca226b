import type { RespondentProfileDto } from '../surveys/dto/submit-survey.dto';
import type { SeededRandom } from './seeded-random';

const GIVEN_NAMES = {
  L: ['Budi', 'Agus', 'Rizky', 'Hendra', 'Fajar', 'Dedi', 'Yusuf', 'Andi', 'Taufik', 'Arif'],
  P: ['Siti', 'Dewi', 'Rina', 'Nur', 'Putri', 'Wati', 'Ayu', 'Lestari', 'Fitri', 'Maya'],
} as const;
const FAMILY_NAMES = [
  'Santoso',
  'Siregar',
  'Hasibuan',
  'Nasution',
  'Saputra',
  'Wijaya',
  'Lubis',
  'Simanjuntak',
  'Rahmawati',
  'Harahap',
  'Tanjung',
  'Sembiring',
];

/** The twelve kecamatan of Batam in the official region list: 21.71.01 to 21.71.12. */
const BATAM_DISTRICT_CODES = Array.from(
  { length: 12 },
  (_, i) => `2171${String(i + 1).padStart(2, '0')}`,
);

export interface DemoApplicant {
  nik: string;
  name: string;
  contact: { phone: string };
  sex: 'L' | 'P';
  birthYear: number;
}

/** An adult of Batam with a well-formed NIK: district, birth date (+40 for women), serial. */
export function demoApplicant(random: SeededRandom, thisYear: number): DemoApplicant {
  const sex = random.chance(0.5) ? 'L' : 'P';
  const birthYear = thisYear - random.integer(18, 70);
  const day = random.integer(1, 28) + (sex === 'P' ? 40 : 0);
  const month = random.integer(1, 12);
  const nik =
    random.pick(BATAM_DISTRICT_CODES) +
    String(day).padStart(2, '0') +
    String(month).padStart(2, '0') +
    String(birthYear % 100).padStart(2, '0') +
    String(random.integer(1, 2999)).padStart(4, '0');
  return {
    nik,
    name: `${random.pick(GIVEN_NAMES[sex])} ${random.pick(FAMILY_NAMES)}`,
    contact: {
      phone: `08${random.pick(['11', '12', '13', '21', '52', '77', '95'])}${random.digits(8)}`,
    },
    sex,
    birthYear,
  };
}

const AGE_BANDS = ['<20', '20-29', '30-39', '40-49', '50-59', '60+'] as const;

/**
 * The questionnaire's profile of an applicant. Some respondents leave it out, some leave out
 * single fields, as on paper.
 */
export function demoRespondent(
  random: SeededRandom,
  applicant: DemoApplicant,
  thisYear: number,
): RespondentProfileDto | undefined {
  if (random.chance(0.12)) return undefined;
  const age = thisYear - applicant.birthYear;
  const profile: RespondentProfileDto = {
    ageBand: AGE_BANDS[Math.min(5, Math.max(0, Math.floor(age / 10) - 1))],
    sex: applicant.sex,
    education: random.weighted({ SD: 6, SMP: 10, SMA: 42, 'D1-D3-D4': 14, S1: 24, 'S2+': 4 }),
    occupation: random.weighted({
      PNS: 8,
      TNI: 2,
      POLRI: 2,
      SWASTA: 46,
      WIRAUSAHA: 28,
      LAINNYA: 14,
    }),
  };
  if (random.chance(0.1)) delete profile.education;
  if (random.chance(0.08)) delete profile.occupation;
  return profile;
}
