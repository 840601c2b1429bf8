/** Calm colours for new tags, picked by name so the same name always gets the same colour. */
const PALETTE = ['#4f7cff', '#16a34a', '#d97706', '#dc2626', '#9333ea', '#0891b2', '#db2777', '#65a30d'];

export function colorForTagName(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
