import fc from 'fast-check';
import { CODE_ALPHABET, SCENE_MAX, codeFromBytes, codeFromScene, isReferralCode, sceneOf } from './short-code';

describe('referral short code', () => {
  it('makes 8-character codes from the unambiguous alphabet, the same bytes giving the same code', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 32 }), (bytes) => {
        const code = codeFromBytes(bytes);
        expect(isReferralCode(code)).toBe(true);
        expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
        expect(codeFromBytes(Uint8Array.from(bytes))).toBe(code);
      }),
    );
    expect(() => codeFromBytes([1, 2, 3])).toThrow(RangeError);
  });

  it('fits in a wxacode scene and reads back from every way it arrives', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const code = codeFromBytes(bytes);
        const scene = sceneOf(code);
        expect(scene.length).toBeLessThanOrEqual(SCENE_MAX);
        expect(codeFromScene(scene)).toBe(code);
        expect(codeFromScene(encodeURIComponent(scene))).toBe(code);
        expect(codeFromScene(code)).toBe(code);
        expect(codeFromScene(code.toLowerCase())).toBe(code);
      }),
    );
    // Seeded codes may contain 0 and L: any [A-Z0-9]{8} is a code.
    expect(codeFromScene('r%3DLINC0L5S')).toBe('LINC0L5S');
  });

  it('rejects what is not a code', () => {
    for (const bad of [undefined, null, 42, '', 'r=', 'r=ABC', 'ABCDEFGHJ', 'r=ABCD-EFG', '%E0%A4%A', 'x'.repeat(200), 'q=ABCDEFGH']) {
      expect(codeFromScene(bad)).toBeNull();
    }
    expect(() => sceneOf('short')).toThrow(RangeError);
  });
});
