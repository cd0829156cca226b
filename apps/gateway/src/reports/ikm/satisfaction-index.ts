import type { LocalizedText } from '../../problems/problem';
import {
  SKM_ELEMENT_CODES,
  SKM_ELEMENTS,
  type SkmAnswers,
  type SkmElementCode,
} from '../../surveys/skm-elements';

/** What the index is computed from: the number of respondents and each element's score total. */
export interface SkmTally {
  respondents: number;
  sums: Record<SkmElementCode, number>;
}

export type IkmCategory = 'A' | 'B' | 'C' | 'D';

export interface ElementResult {
  element: SkmElementCode;
  name: LocalizedText;
  sum: number;
  /** Nilai rata-rata: the element's mean score, to four decimals. */
  nrr: number | null;
}

export interface IkmResult {
  respondents: number;
  elements: ElementResult[];
  /** Σ NRR × 1/9 on the 1-4 scale, to four decimals. */
  ikm: number | null;
  /** IKM × 25 (nilai IKM unit pelayanan), to two decimals. */
  convertedScore: number | null;
  /** Mutu pelayanan, from the converted score as published (two decimals). */
  category: IkmCategory | null;
  /** Kinerja unit pelayanan. */
  categoryName: LocalizedText | null;
}

/**
 * PermenPANRB 14/2017 table of categories, lower bounds on the converted scale in hundredths:
 * A 88.31-100.00, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99.
 */
const CATEGORIES: readonly { category: IkmCategory; from: bigint; name: LocalizedText }[] = [
  { category: 'A', from: 8831n, name: { id: 'Sangat Baik', en: 'Very good' } },
  { category: 'B', from: 7661n, name: { id: 'Baik', en: 'Good' } },
  { category: 'C', from: 6500n, name: { id: 'Kurang Baik', en: 'Poor' } },
  { category: 'D', from: 0n, name: { id: 'Tidak Baik', en: 'Very poor' } },
];

const ELEMENT_COUNT = BigInt(SKM_ELEMENTS.length);
const CONVERSION_FACTOR = 25n;

export function emptyTally(): SkmTally {
  return { respondents: 0, sums: zeroSums() };
}

/** Adds one respondent's answers to a tally. */
export function addAnswers(tally: SkmTally, answers: SkmAnswers): SkmTally {
  const sums = { ...tally.sums };
  for (const code of SKM_ELEMENT_CODES) sums[code] += answers[code];
  return { respondents: tally.respondents + 1, sums };
}

/**
 * The Indeks Kepuasan Masyarakat of a tally. NRR_i = sum_i / n and IKM = Σ NRR_i × 1/9, so
 * IKM = (Σ sum_i) / 9n exactly; every figure is computed from those integers and rounded once,
 * half up, at the end. The category is read from the converted score rounded to two decimals,
 * the figure that is published, so a published score and its category always agree: an
 * unrounded 88.305 is published as 88.31 and is category A.
 */
export function satisfactionIndex(tally: SkmTally): IkmResult {
  const n = BigInt(tally.respondents);
  const elements = SKM_ELEMENTS.map(({ code, name }) => ({
    element: code,
    name,
    sum: tally.sums[code],
    nrr: n === 0n ? null : roundedRatio(BigInt(tally.sums[code]), n, 4),
  }));
  if (n === 0n) {
    return {
      respondents: 0,
      elements,
      ikm: null,
      convertedScore: null,
      category: null,
      categoryName: null,
    };
  }
  const total = BigInt(SKM_ELEMENT_CODES.reduce((sum, code) => sum + tally.sums[code], 0));
  const hundredths = roundedQuotient(CONVERSION_FACTOR * total * 100n, ELEMENT_COUNT * n);
  const category = CATEGORIES.find((entry) => hundredths >= entry.from)!;
  return {
    respondents: tally.respondents,
    elements,
    ikm: roundedRatio(total, ELEMENT_COUNT * n, 4),
    convertedScore: Number(hundredths) / 100,
    category: category.category,
    categoryName: category.name,
  };
}

function zeroSums(): Record<SkmElementCode, number> {
  return Object.fromEntries(SKM_ELEMENT_CODES.map((code) => [code, 0])) as Record<
    SkmElementCode,
    number
  >;
}

/** numerator / denominator rounded half up to `decimals`, for non-negative integers. */
function roundedRatio(numerator: bigint, denominator: bigint, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  return Number(roundedQuotient(numerator * scale, denominator)) / Number(scale);
}

function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}
