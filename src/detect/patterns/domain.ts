/**
 * Mail hosts and domains at the end of a password (`hotmail.com`, `anna@gmail.com`, `site.ru`):
 * the dot and a top-level domain, with the host before it when it is a big mail provider. Priced
 * by rank in the small lists below (host rank × domain rank). One backwards scan: linear.
 */
const TLDS = ['com', 'net', 'org', 'ru', 'de', 'uk', 'co', 'fr', 'it', 'es', 'nl', 'pl', 'br', 'in', 'info', 'edu', 'gov', 'biz', 'ua', 'us', 'ca', 'au', 'be', 'ch', 'at', 'se', 'no', 'dk', 'fi', 'cz', 'tr', 'kz', 'cn', 'jp', 'io', 'me', 'tv', 'pt', 'gr', 'ro'];
const HOSTS = ['gmail', 'hotmail', 'yahoo', 'mail', 'outlook', 'aol', 'live', 'msn', 'yandex', 'icloud', 'gmx', 'web', 'rambler', 'ymail', 'comcast', 'orange', 'free', 'qq', 'protonmail', 'rediffmail', 'googlemail', 'bk', 'inbox', 'list', 'libero', 'wanadoo', 'bigpond', 'sbcglobal', 'verizon', 'att'];

export interface DomainMatch {
  start: number;
  end: number;
  guesses: number;
}

/** The domain ending `plain` (NFKC, lowercase), or null. */
export function findDomain(plain: string): DomainMatch | null {
  const n = plain.length;
  let dot = n - 1;
  while (dot >= 0 && isLetter(plain.charCodeAt(dot))) dot--;
  if (dot < 0 || plain.charCodeAt(dot) !== 0x2e) return null;
  const tld = TLDS.indexOf(plain.slice(dot + 1));
  if (tld < 0) return null;
  let guesses = tld + 1;
  let start = dot;
  let from = dot - 1;
  while (from >= 0 && isLetter(plain.charCodeAt(from))) from--;
  const host = HOSTS.indexOf(plain.slice(from + 1, dot));
  if (host >= 0) {
    guesses *= host + 1;
    start = from + 1;
    if (from >= 0 && plain.charCodeAt(from) === 0x40) start = from; // the @ before a mail host
  }
  return { start, end: n, guesses };
}

const isLetter = (c: number) => c >= 0x61 && c <= 0x7a;
