/**
 * Messages of a partition a group has yet to read. A group that never committed on it (-1),
 * or whose offset fell behind retention, has everything still retained left to read.
 */
export function partitionLag(committed: string, low: string, high: string): number {
  const end = BigInt(high);
  const start = BigInt(committed) < BigInt(low) ? BigInt(low) : BigInt(committed);
  return end > start ? Number(end - start) : 0;
}
