/**
 * Substitution tables: which characters users put in place of which letters.
 *
 * A table maps a character to one or more letters it may stand for (`'1': 'il'` means "1 is
 * an i or an l"). Rather than branching over every reading — which multiplies the work per
 * password — every character of a table entry is folded onto one representative of its class,
 * on both the password and the terms. `1`, `i`, `l`, `!` and `|` all become `i`, so `P4ssw0rd!`
 * and `password` meet at the same folded string and one exact or edit-distance-1 comparison
 * covers every reading at once. Entra's table is one-to-one and folds exactly as documented.
 */
export type SubstitutionTable = Readonly<Record<string, string>>;

/** Microsoft's documented normalisation table (concept-password-ban-bad): 0→o 1→l $→s @→a. */
export const ENTRA_SUBSTITUTIONS: SubstitutionTable = Object.freeze({
  '0': 'o',
  '1': 'l',
  $: 's',
  '@': 'a',
});

/**
 * The wider table of the `recommended` profile: common leetspeak, one character standing for
 * several letters where users really do that.
 */
export const RECOMMENDED_SUBSTITUTIONS: SubstitutionTable = Object.freeze({
  '0': 'o',
  '1': 'il',
  '!': 'i',
  '|': 'l',
  '3': 'e',
  '€': 'e',
  '4': 'a',
  '@': 'a',
  '^': 'a',
  '5': 's',
  $: 's',
  '§': 's',
  '7': 't',
  '+': 't',
  '8': 'b',
  '9': 'g',
  '6': 'g',
  '(': 'c',
  '<': 'c',
  '{': 'c',
  '[': 'c',
  '2': 'z',
  '%': 'x',
});

/**
 * Compiles a table into a per-UTF-16-unit fold: `fold[c]` is the representative unit for `c`,
 * or `c` itself. Classes are joined with union-find so chains (`1`→`i`, `!`→`i`, `|`→`l`,
 * `1`→`l`) end in one class; the representative is the class's smallest letter, so terms and
 * passwords always fold the same way whatever order the table lists its entries in.
 */
export function compileSubstitutions(table: SubstitutionTable): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps repeated finds flat.
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const isLetter = (c: number) => c >= 0x61 && c <= 0x7a;
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // Prefer a letter as the root, then the smaller unit.
    const aWins = isLetter(ra) !== isLetter(rb) ? isLetter(ra) : ra < rb;
    if (aWins) parent.set(rb, ra);
    else parent.set(ra, rb);
    if (!parent.has(ra)) parent.set(ra, ra);
    if (!parent.has(rb)) parent.set(rb, rb);
  };
  for (const [from, to] of Object.entries(table)) {
    if (from.length !== 1) throw new RangeError(`substitutions: key '${from}' must be one UTF-16 unit`);
    if (to.length === 0) throw new RangeError(`substitutions: '${from}' maps to nothing`);
    const f = from.charCodeAt(0);
    for (let i = 0; i < to.length; i++) union(f, to.charCodeAt(i));
  }
  const fold = new Map<number, number>();
  for (const unit of parent.keys()) {
    const root = find(unit);
    if (root !== unit) fold.set(unit, root);
  }
  return fold;
}
