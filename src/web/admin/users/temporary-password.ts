import { passwordProblem } from '../../../core/password-policy.js';

/** No look-alikes (0/O, 1/l/I): the password is read out over the phone or written on paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array;
const cryptoRandom: RandomBytes = (bytes) => crypto.getRandomValues(bytes);

/**
 * A temporary password for a new account or a reset: four groups of four characters
 * (`Kp7w-…`), about 92 bits of randomness, and always one the password policy accepts for
 * this username. The user replaces it at the first sign-in.
 */
export function temporaryPassword(username: string, random: RandomBytes = cryptoRandom): string {
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % ALPHABET.length);
  for (;;) {
    let characters = '';
    while (characters.length < GROUPS * GROUP_LENGTH) {
      for (const byte of random(new Uint8Array(32))) {
        if (byte < limit && characters.length < GROUPS * GROUP_LENGTH)
          characters += ALPHABET[byte % ALPHABET.length];
      }
    }
    const password = (characters.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g')) ?? []).join('-');
    if (passwordProblem(password, username) === null) return password;
  }
}
