import { createHash } from 'node:crypto';

/**
 * Whether an existing output may be replaced: 'unedited' when it is exactly what plan-report wrote
 * (its stored fingerprint matches its content), 'edited' when a person changed it since, 'foreign'
 * when plan-report did not write it. The fingerprint travels inside the file, so the check survives
 * a copy to another folder or machine.
 */
export type FingerprintState = 'unedited' | 'edited' | 'foreign';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
