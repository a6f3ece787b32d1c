import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BIG_FILTERS_HEADING, POPULARITY_END, POPULARITY_START, ROTATION_END, ROTATION_START, SERVER_END, SERVER_START, SPEED_END, SPEED_START, TIERS_END, TIERS_START, keptSections, markedBlock, replaceMarkedBlock } from '../../bench/kept-sections.js';

/**
 * `npm run bench` rewrites bench/RESULTS.md whole; the sections other scripts write must come
 * through. A full run on 2026-12-06 dropped the big HIBP filter section (bench/filter-big.ts),
 * which only the HTTP service section had been kept for.
 */
describe('the RESULTS.md sections npm run bench carries over', () => {
  const server = `${SERVER_START}\n## HTTP service\n\n| a | b |\n${SERVER_END}`;
  const big = `${BIG_FILTERS_HEADING}\n| keys | build |\n\n### In-process comparisons\n\ntext`;
  const rotation = `${ROTATION_START}\n## Rotated passwords\n\n| hash | ms |\n${ROTATION_END}`;
  const popularity = `${POPULARITY_START}\n## Popular passwords\n\n| limit | open |\n${POPULARITY_END}`;
  const tiers = `${TIERS_START}\n## Browser data tiers\n\n| a | b |\n${TIERS_END}`;
  const speed = `${SPEED_START}\n## Speed against f4c0d4f\n\n| a | b |\n${SPEED_END}`;

  it.each([
    ['both, big section last', `# R\n\n## Evaluate\n\nx\n\n${server}\n\n${big}\n`, [server, big]],
    ['both, another section after the big one', `# R\n\n${big}\n\n## Later\n\ny\n\n${server}\n`, [server, big]],
    ['the server section only', `# R\n\n${server}\n`, [server]],
    ['the big section only', `# R\n\n${big}`, [big]],
    ['neither', '# R\n\n## Evaluate\n', []],
    ['all three, the rotation section after the big one', `# R\n\n${server}\n\n${big}\n\n${rotation}\n`, [server, big, rotation]],
    ['all three, the rotation section between others', `# R\n\n${server}\n\n${rotation}\n\n${big}\n`, [server, big, rotation]],
    ['all three, in the order npm run bench writes them', `# R\n\n${server}\n\n${popularity}\n\n${big}\n`, [server, popularity, big]],
    ['the popularity section right after the big one', `# R\n\n${big}\n\n${popularity}\n`, [popularity, big]],
    ['the tiers section first in the file', `# R\n\n${tiers}\n\n${server}\n\n${big}\n`, [server, tiers, big]],
    ['the tiers section right after the big one', `# R\n\n${big}\n\n${tiers}\n\n## Later\n`, [tiers, big]],
    ['the speed section before the others', `# R\n\n${speed}\n\n${server}\n\n${big}\n`, [server, big, speed]],
    // What a run writes is read by the next one: the same sections again, nothing doubled.
    ['a file a run wrote', `# R\n\n## Evaluate\n${keptSections(`${server}\n${popularity}\n${big}\n${tiers}\n${rotation}`)}`, [server, popularity, tiers, big, rotation]],
  ])('%s', (_name, previous, parts) => {
    expect(keptSections(previous)).toBe(parts.map((p) => `\n${p}\n`).join(''));
  });

  it('keeps both from the committed RESULTS.md', () => {
    const kept = keptSections(readFileSync(new URL('../../bench/RESULTS.md', import.meta.url), 'utf8'));
    expect(kept).toContain(SERVER_START);
    expect(kept).toContain(BIG_FILTERS_HEADING);
    expect(kept).toContain('### evaluate() with a big HIBP filter vs the embedded one');
    expect(kept).toContain(POPULARITY_START);
    expect(kept.split(POPULARITY_START).length).toBe(2);
    expect(kept.split(TIERS_START).length).toBe(2);
    expect(kept.split(SPEED_START).length).toBe(2);
  });
});

/** Every bench that writes its own block of RESULTS.md (server, server-overhead, rotation, popularity) replaces it through one function. */
describe('replacing a marked block', () => {
  const S = '<!-- x:start -->';
  const E = '<!-- x:end -->';
  const block = `${S}\nnew\n${E}`;
  it.each([
    ['in place, text around it kept', `a\n${S}\nold\n${E}\nb\n`, `a\n${block}\nb\n`],
    ['only the first block', `${S}1${E}\n${S}2${E}`, `${block}\n${S}2${E}`],
    ['appended when there is none', 'a\n\n', `a\n\n${block}\n`],
    ['appended when the end marker comes first', `${E} a ${S}`, `${E} a ${S}\n\n${block}\n`],
  ])('%s', (_name, text, expected) => {
    expect(replaceMarkedBlock(text, S, E, block)).toBe(expected);
  });
  it('lets the caller place a new block (or refuse)', () => {
    expect(replaceMarkedBlock('a', S, E, block, (t) => `${block}\n${t}`)).toBe(`${block}\na`);
    expect(() => replaceMarkedBlock('a', S, E, block, () => { throw new Error('none'); })).toThrow('none');
  });
  it('finds a block with its markers, or nothing', () => {
    expect(markedBlock(`a${S}x${E}b`, S, E)).toBe(`${S}x${E}`);
    expect(markedBlock(`a${S}x`, S, E)).toBe('');
  });
});
