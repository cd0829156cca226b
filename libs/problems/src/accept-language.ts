import type { Language } from './problem-error';

/** Picks Bahasa Indonesia or English from an Accept-Language header; Indonesian by default. */
export function preferredLanguage(header: string | undefined): Language {
  if (!header) return 'id';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'id' || tag.startsWith('id-')) return 'id';
  }
  return 'id';
}
