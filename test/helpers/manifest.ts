import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * The manifest a data build would write for these files (size and SHA-256 of each): what a test
 * that serves or edits its own data needs, now that every data file is verified against it.
 */
export function manifestFor(files: Record<string, Uint8Array | string>): string {
  const entries = Object.entries(files).map(([file, body]) => ({ file, bytes: typeof body === 'string' ? Buffer.byteLength(body) : body.length, sha256: sha256(body) }));
  return JSON.stringify({ generatedBy: 'test', files: entries });
}

/** Rewrites `dir`/manifest.json for the files the folder holds now (an edited copy of data/). */
export function remanifest(dir: string): void {
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dir)) if (name !== 'manifest.json') files[name] = readFileSync(join(dir, name));
  rmSync(join(dir, 'manifest.json'), { force: true });
  writeFileSync(join(dir, 'manifest.json'), manifestFor(files));
}

/** The shipped data/ folder. */
export const SHIPPED_DATA = new URL('../../data/', import.meta.url).pathname;

/**
 * A temporary data folder: the shipped files (linked) minus `drop`, with `replace` written over
 * some (as the function of the shipped bytes).
 */
export async function dataDir(drop: readonly string[] = [], replace: Record<string, (b: Buffer) => Uint8Array | string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'passgate-data-'));
  for (const name of await readdir(SHIPPED_DATA)) {
    if (drop.includes(name)) continue;
    const change = replace[name];
    if (change) await writeFile(join(dir, name), change(await readFile(join(SHIPPED_DATA, name))));
    else await symlink(join(SHIPPED_DATA, name), join(dir, name));
  }
  return dir;
}
