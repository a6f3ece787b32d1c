/**
 * Physical keyboard layouts as row strings. Each row gives the unshifted and shifted character of
 * every key (same length; `\0` = no character) and the x position of its first key's left edge,
 * in key widths. The staggers are the real ones of a standard keyboard: the letter rows start
 * 1.5, 1.75 and 2.25 keys (ANSI) or 1.25 keys (ISO, with the extra `<` key) to the right of the
 * digit row's first key. Adjacency is derived from these positions, not hand-listed.
 */

export interface KeyDef {
  /** Unshifted and shifted characters; `\0` = none. */
  readonly chars: readonly [string, string];
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface LayoutDef {
  readonly name: string;
  readonly keys: readonly KeyDef[];
}

interface RowDef {
  readonly x: number;
  readonly plain: string;
  readonly shifted: string;
}

function rows(name: string, defs: readonly RowDef[]): LayoutDef {
  const keys: KeyDef[] = [];
  defs.forEach((row, y) => {
    const a = Array.from(row.plain);
    const b = Array.from(row.shifted);
    if (a.length !== b.length) throw new Error(`layout ${name}: row ${y} layers differ in length`);
    a.forEach((ch, i) => keys.push({ chars: [ch, b[i] ?? '\0'], x: row.x + i, y, w: 1, h: 1 }));
  });
  return { name, keys };
}

export const QWERTY = rows('qwerty', [
  { x: 0, plain: '`1234567890-=', shifted: '~!@#$%^&*()_+' },
  { x: 1.5, plain: 'qwertyuiop[]\\', shifted: 'QWERTYUIOP{}|' },
  { x: 1.75, plain: "asdfghjkl;'", shifted: 'ASDFGHJKL:"' },
  { x: 2.25, plain: 'zxcvbnm,./', shifted: 'ZXCVBNM<>?' },
]);

export const QWERTZ = rows('qwertz', [
  { x: 0, plain: '^1234567890ß´', shifted: '°!"§$%&/()=?`' },
  { x: 1.5, plain: 'qwertzuiopü+', shifted: 'QWERTZUIOPÜ*' },
  { x: 1.75, plain: 'asdfghjklöä#', shifted: "ASDFGHJKLÖÄ'" },
  { x: 1.25, plain: '<yxcvbnm,.-', shifted: '>YXCVBNM;:_' },
]);

/** French AZERTY: the digits are the SHIFT layer of the top row. */
export const AZERTY = rows('azerty', [
  { x: 0, plain: '²&é"\'(-è_çà)=', shifted: '\x001234567890°+' },
  { x: 1.5, plain: 'azertyuiop^$', shifted: 'AZERTYUIOP¨£' },
  { x: 1.75, plain: 'qsdfghjklmù*', shifted: 'QSDFGHJKLM%µ' },
  { x: 1.25, plain: '<wxcvbn,;:!', shifted: '>WXCVBN?./§' },
]);

export const DVORAK = rows('dvorak', [
  { x: 0, plain: '`1234567890[]', shifted: '~!@#$%^&*(){}' },
  { x: 1.5, plain: "',.pyfgcrl/=\\", shifted: '"<>PYFGCRL?+|' },
  { x: 1.75, plain: 'aoeuidhtns-', shifted: 'AOEUIDHTNS_' },
  { x: 2.25, plain: ';qjkxbmwvz', shifted: ':QJKXBMWVZ' },
]);

/** Numeric keypad: an unstaggered grid, `+` two rows tall, `0` two keys wide. */
export const KEYPAD: LayoutDef = {
  name: 'keypad',
  keys: [
    { chars: ['/', '\0'], x: 1, y: 0, w: 1, h: 1 },
    { chars: ['*', '\0'], x: 2, y: 0, w: 1, h: 1 },
    { chars: ['-', '\0'], x: 3, y: 0, w: 1, h: 1 },
    { chars: ['7', '\0'], x: 0, y: 1, w: 1, h: 1 },
    { chars: ['8', '\0'], x: 1, y: 1, w: 1, h: 1 },
    { chars: ['9', '\0'], x: 2, y: 1, w: 1, h: 1 },
    { chars: ['+', '\0'], x: 3, y: 1, w: 1, h: 2 },
    { chars: ['4', '\0'], x: 0, y: 2, w: 1, h: 1 },
    { chars: ['5', '\0'], x: 1, y: 2, w: 1, h: 1 },
    { chars: ['6', '\0'], x: 2, y: 2, w: 1, h: 1 },
    { chars: ['1', '\0'], x: 0, y: 3, w: 1, h: 1 },
    { chars: ['2', '\0'], x: 1, y: 3, w: 1, h: 1 },
    { chars: ['3', '\0'], x: 2, y: 3, w: 1, h: 1 },
    { chars: ['0', '\0'], x: 0, y: 4, w: 2, h: 1 },
    { chars: ['.', '\0'], x: 2, y: 4, w: 1, h: 1 },
  ],
};

export const LAYOUTS: readonly LayoutDef[] = [QWERTY, QWERTZ, AZERTY, DVORAK, KEYPAD];
