import { partitionLag } from './partition-lag';

describe('partitionLag', () => {
  it('is the distance from the committed offset to the end', () => {
    expect(partitionLag('40', '0', '52')).toBe(12);
    expect(partitionLag('52', '0', '52')).toBe(0);
  });

  it('counts everything retained when nothing was committed', () => {
    expect(partitionLag('-1', '10', '25')).toBe(15);
  });

  it('counts from the oldest retained offset when the commit fell behind retention', () => {
    expect(partitionLag('3', '10', '25')).toBe(15);
  });

  it('is never negative', () => {
    expect(partitionLag('30', '0', '25')).toBe(0);
  });
});
