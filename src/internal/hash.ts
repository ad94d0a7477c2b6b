/**
 * A short non-cryptographic digest (four seeded FNV-1a lanes with murmur3's finalizer), in hex.
 * Query keys are computed during render, where Web Crypto's async digest cannot be awaited; a
 * key only has to tell credentials apart without containing them, and 128 bits of digest cannot
 * give a token back.
 */
export function hashHex(text: string): string {
  let out = ''
  for (let lane = 1; lane <= 4; lane++) {
    let h = 0x811c9dc5 ^ Math.imul(lane, 0x9e3779b9)
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
    out += ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0')
  }
  return out
}
