import { SKM_ELEMENT_CODES, type SkmAnswers } from '../../surveys/skm-elements';
import { addAnswers, emptyTally, satisfactionIndex, type SkmTally } from './satisfaction-index';

function answers(...scores: number[]): SkmAnswers {
  return Object.fromEntries(SKM_ELEMENT_CODES.map((code, i) => [code, scores[i]])) as SkmAnswers;
}

function tallyOfAnswers(...respondents: SkmAnswers[]): SkmTally {
  return respondents.reduce(addAnswers, emptyTally());
}

/** n respondents whose scores add up to `total`, spread as evenly as the elements allow. */
function tallyWithTotal(respondents: number, total: number): SkmTally {
  const base = Math.floor(total / 9);
  const sums = Object.fromEntries(
    SKM_ELEMENT_CODES.map((code, i) => [code, base + (i < total - base * 9 ? 1 : 0)]),
  ) as SkmTally['sums'];
  return { respondents, sums };
}

describe('satisfactionIndex', () => {
  it('computes NRR per element, IKM, the converted score and its category from answers', () => {
    const result = satisfactionIndex(
      tallyOfAnswers(
        answers(4, 4, 4, 4, 4, 4, 4, 4, 4),
        answers(3, 3, 3, 3, 3, 3, 3, 3, 3),
        answers(4, 3, 2, 4, 3, 2, 4, 3, 2),
      ),
    );
    expect(result.respondents).toBe(3);
    expect(result.elements.map(({ element, sum, nrr }) => [element, sum, nrr])).toEqual([
      ['U1', 11, 3.6667],
      ['U2', 10, 3.3333],
      ['U3', 9, 3],
      ['U4', 11, 3.6667],
      ['U5', 10, 3.3333],
      ['U6', 9, 3],
      ['U7', 11, 3.6667],
      ['U8', 10, 3.3333],
      ['U9', 9, 3],
    ]);
    // IKM = 90 / 27 = 3.3333..., × 25 = 83.3333...
    expect(result.ikm).toBe(3.3333);
    expect(result.convertedScore).toBe(83.33);
    expect(result.category).toBe('B');
    expect(result.categoryName).toEqual({ id: 'Baik', en: 'Good' });
    expect(result.elements[0].name.id).toBe('Persyaratan');
  });

  it('weights each element by exactly 1/9 and rounds only the final figures', () => {
    // NRRs of 3.5 (eight elements) and 3.0: IKM = 62 / 18 = 3.4444..., × 25 = 86.1111...
    // The common shortcut of a 0.111 weight would give 3.441 × 25 = 86.03.
    const result = satisfactionIndex(
      tallyOfAnswers(answers(4, 4, 4, 4, 4, 4, 4, 4, 4), answers(3, 3, 3, 3, 3, 3, 3, 3, 2)),
    );
    expect(result.elements.map((element) => element.nrr)).toEqual([
      3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3,
    ]);
    expect(result.ikm).toBe(3.4444);
    expect(result.convertedScore).toBe(86.11);
  });

  it('scores 100.00 (A) when everyone answers 4 and 25.00 (D) when everyone answers 1', () => {
    const best = satisfactionIndex(tallyOfAnswers(answers(4, 4, 4, 4, 4, 4, 4, 4, 4)));
    expect([best.ikm, best.convertedScore, best.category]).toEqual([4, 100, 'A']);
    const worst = satisfactionIndex(tallyOfAnswers(answers(1, 1, 1, 1, 1, 1, 1, 1, 1)));
    expect([worst.ikm, worst.convertedScore, worst.category]).toEqual([1, 25, 'D']);
    expect(worst.categoryName).toEqual({ id: 'Tidak Baik', en: 'Very poor' });
  });

  it('has no index without respondents', () => {
    const result = satisfactionIndex(emptyTally());
    expect(result).toMatchObject({
      respondents: 0,
      ikm: null,
      convertedScore: null,
      category: null,
      categoryName: null,
    });
    expect(result.elements.every((element) => element.nrr === null && element.sum === 0)).toBe(
      true,
    );
  });

  // With 5000 respondents the converted score is 25 × total / 45000: steps of 1/1800.
  describe.each([
    // total, unrounded converted score, published score, category
    [158958, '88.31', 88.31, 'A'],
    [158949, '88.305 exactly', 88.31, 'A'],
    [158948, '88.3044...', 88.3, 'B'],
    [158940, '88.30', 88.3, 'B'],
    [137898, '76.61', 76.61, 'B'],
    [137889, '76.605 exactly', 76.61, 'B'],
    [137888, '76.6044...', 76.6, 'C'],
    [137880, '76.60', 76.6, 'C'],
    [117000, '65.00', 65, 'C'],
    [116991, '64.995 exactly', 65, 'C'],
    [116990, '64.9944...', 64.99, 'D'],
    [116982, '64.99', 64.99, 'D'],
  ])('at the category boundaries: a total of %p', (total, unrounded, published, category) => {
    it(`(${unrounded}) is published as ${published}, category ${category}`, () => {
      const result = satisfactionIndex(tallyWithTotal(5000, total));
      expect(result.convertedScore).toBe(published);
      expect(result.category).toBe(category);
    });
  });

  it('gives the figure on the 1-4 scale to four decimals', () => {
    // 158949 / 45000 = 3.53220: below the 3.5324 of the regulation's 1-4 table, yet A, because
    // the category is read on the converted scale.
    expect(satisfactionIndex(tallyWithTotal(5000, 158949)).ikm).toBe(3.5322);
  });

  it('stays exact for a very large number of respondents', () => {
    const respondents = 10_000_000;
    const result = satisfactionIndex(tallyWithTotal(respondents, 3.25 * 9 * respondents));
    expect(result.ikm).toBe(3.25);
    expect(result.convertedScore).toBe(81.25);
  });
});
