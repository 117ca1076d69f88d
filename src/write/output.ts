import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFormat, Writer } from './index.js';

export interface PlannedOutput {
  format: OutputFormat;
  path: string;
  bytes: Uint8Array;
  writer: Writer;
}

export type OutputStatus = 'written' | 'unchanged';

export interface WrittenOutput {
  format: OutputFormat;
  path: string;
  status: OutputStatus;
}

async function readIfExists(file: string): Promise<Uint8Array | undefined> {
  try {
    return await fs.readFile(file);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw cause;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
}

/** What may happen to one output: nothing, a write, or a refusal that protects a person's edits. */
async function decide(output: PlannedOutput, force: boolean): Promise<OutputStatus | Diagnostic> {
  let existing: Uint8Array | undefined;
  try {
    existing = await readIfExists(output.path);
  } catch (cause) {
    // A folder where the file should go, a file we may not read: nothing sensible can be written.
    return error('output-write-failed', { path: output.path, detail: (cause as NodeJS.ErrnoException).code ?? String(cause) });
  }
  if (existing === undefined) return 'written';
  if (sameBytes(existing, output.bytes)) return 'unchanged';
  if (force) return 'written';
  const state = output.writer.fingerprintState(existing);
  if (state === 'unedited') return 'written';
  return error(state === 'edited' ? 'output-edited' : 'output-foreign', { path: output.path });
}

/** Writes through a temporary file in the same folder and a rename, so no reader sees half a file. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, bytes);
    await fs.rename(temporary, file);
  } catch (cause) {
    await fs.rm(temporary, { force: true });
    throw cause;
  }
}

/**
 * Writes all outputs or none: every refusal (a hand-edited docx, a file plan-report did not write)
 * is found before the first byte is written.
 */
export async function writeOutputs(outputs: readonly PlannedOutput[], options: { force?: boolean } = {}): Promise<{ written: WrittenOutput[]; diagnostics: Diagnostic[] }> {
  const decisions = await Promise.all(outputs.map((output) => decide(output, options.force ?? false)));
  const refusals = decisions.filter((d): d is Diagnostic => typeof d !== 'string');
  if (refusals.length > 0) return { written: [], diagnostics: refusals };
  const written: WrittenOutput[] = [];
  for (const [i, output] of outputs.entries()) {
    const status = decisions[i] as OutputStatus;
    if (status === 'written') {
      try {
        await writeAtomically(output.path, output.bytes);
      } catch (cause) {
        const detail = (cause as NodeJS.ErrnoException).code ?? String(cause);
        return { written, diagnostics: [error('output-write-failed', { path: output.path, detail })] };
      }
    }
    written.push({ format: output.format, path: output.path, status });
  }
  return { written, diagnostics: [] };
}
