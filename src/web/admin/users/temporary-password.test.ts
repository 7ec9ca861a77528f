import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../core/password-policy.js';
import { temporaryPassword } from './temporary-password.js';

describe('temporary password', () => {
  it('is four groups of four readable characters that the policy accepts', () => {
    for (let i = 0; i < 200; i++) {
      const password = temporaryPassword('mlopez');
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{4}(-[a-km-zA-HJ-NP-Z2-9]{4}){3}$/);
      expect(passwordProblem(password, 'mlopez')).toBeNull();
    }
  });

  it('draws again when the policy refuses what came out', () => {
    // The first draw spells "aaaa-aaaa-aaaa-aaaa", which holds the username; the second is varied.
    let call = 0;
    const random = (bytes: Uint8Array<ArrayBuffer>) => {
      call++;
      bytes.forEach((_, i) => {
        bytes[i] = call === 1 ? 0 : (i * 7 + 3) % 55;
      });
      return bytes;
    };
    expect(passwordProblem('aaaa-aaaa-aaaa-aaaa', 'aaaa')).not.toBeNull();
    const password = temporaryPassword('aaaa', random);
    expect(password).not.toBe('aaaa-aaaa-aaaa-aaaa');
    expect(passwordProblem(password, 'aaaa')).toBeNull();
    expect(call).toBeGreaterThan(1);
  });
});
