import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyBytes } from '../../../main/core/sync/deviceIdentity';

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey };
}

const bytes = Buffer.from('manifest of laptop 12');

// Keys are decoded once and kept (a bounded number): the answers must be those of a fresh decode.
describe('verifying a signature with a kept public key', () => {
  it('accepts the right signature every time, and refuses a wrong one or another key, kept or not', () => {
    const a = keyPair();
    const b = keyPair();
    const signature = sign(null, bytes, a.privateKey).toString('base64');
    for (let i = 0; i < 3; i++) {
      expect(verifyBytes(a.publicKey, bytes, signature)).toBe(true);
      expect(verifyBytes(a.publicKey, Buffer.from('manifest of laptop 13'), signature)).toBe(false);
      expect(verifyBytes(b.publicKey, bytes, signature)).toBe(false);
    }
  });

  it('refuses keys that are not ed25519 public keys, each time', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    for (let i = 0; i < 2; i++) {
      expect(verifyBytes('not a key', bytes, 'AAAA')).toBe(false);
      expect(verifyBytes(rsa, bytes, 'AAAA')).toBe(false);
    }
  });

  it('still verifies after more keys than it keeps have passed through', () => {
    const first = keyPair();
    const signature = sign(null, bytes, first.privateKey).toString('base64');
    expect(verifyBytes(first.publicKey, bytes, signature)).toBe(true);
    for (let i = 0; i < 300; i++) expect(verifyBytes(keyPair().publicKey, bytes, signature)).toBe(false);
    expect(verifyBytes(first.publicKey, bytes, signature)).toBe(true);
  });
});
