import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LOG_BATCH_BYTES, logLines } from '../../src/cli/log-lines.js';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the CLI log sink (lines batched per event-loop turn)', () => {
  it('writes the lines of one turn in one write, in order, each ending in a newline', async () => {
    const writes: string[] = [];
    const log = logLines((t) => writes.push(t));
    log.line('a');
    log.line('b b');
    log.line('');
    expect(writes).toEqual([]);
    await turn();
    expect(writes).toEqual(['a\nb b\n\n']);
    log.line('c');
    await turn();
    expect(writes).toEqual(['a\nb b\n\n', 'c\n']);
    await turn();
    expect(writes).toHaveLength(2);
  });

  it('flush() writes what is pending at once, and nothing twice', async () => {
    const writes: string[] = [];
    const log = logLines((t) => writes.push(t));
    log.line('x');
    log.flush();
    expect(writes).toEqual(['x\n']);
    await turn();
    log.flush();
    expect(writes).toEqual(['x\n']);
  });

  it('writes at once past the batch size, so memory stays bounded', () => {
    const writes: string[] = [];
    const log = logLines((t) => writes.push(t));
    const long = 'y'.repeat(1000);
    for (let i = 0; i < 70; i++) log.line(long);
    expect(writes.length).toBe(1);
    expect(writes[0]!.length).toBeGreaterThanOrEqual(LOG_BATCH_BYTES);
    log.flush();
    expect(writes.join('')).toBe(`${long}\n`.repeat(70));
  });

  it('writes exactly the lines given, in order, however they are spread over turns (as one write each would)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.string({ maxLength: 50 }), { maxLength: 8 }), { maxLength: 6 }), async (turns) => {
        const writes: string[] = [];
        const log = logLines((t) => writes.push(t));
        for (const lines of turns) {
          for (const l of lines) log.line(l);
          await turn();
        }
        expect(writes.join('')).toBe(turns.flat().map((l) => `${l}\n`).join(''));
      }),
      { numRuns: 50 },
    );
  });
});
