/**
 * Characters from other scripts that look like Latin letters. A user who types a Cyrillic `а`
 * in `pаssword` means (and shows) `password`, so the `recommended` profile folds them. This is
 * a small hand-picked set of the look-alikes that keyboards actually produce, not the whole
 * Unicode confusables table.
 */
const PAIRS =
  // Cyrillic
  'аaбbвbеeёeкkмmнhоoрpсcтtуyхxіiїiјjѕsԁdԛqԝwһhӏlѵv' +
  // Greek
  'αaβbεeηnιiκkμuνvοoρpτtυuχxωwϲc';

export const CONFUSABLES: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  for (let i = 0; i + 1 < PAIRS.length; i += 2) map.set(PAIRS.charCodeAt(i), PAIRS.charCodeAt(i + 1));
  return map;
})();
