/** The one SHA-256 implementation of the package (FIPS 180-4), browser-safe. Internal. */
/**
 * The SHA-256 constants (FIPS 180-4 §4.2.2, §5.3.3): the first 32 bits of the fractional parts of the
 * cube roots of the first 64 primes (K) and of the square roots of the first 8 (initial hash). Computed
 * on first use: every scaled fraction lies at least 0.005 away from an integer, thousands of ulps, so
 * any `Math.cbrt` within a few ulps gives the exact table.
 */
let K: Uint32Array | undefined;
let H0: Uint32Array;
function constants(): Uint32Array {
  const primes: number[] = [];
  for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p)) primes.push(n);
  const frac = (x: number) => ((x - Math.floor(x)) * 2 ** 32) >>> 0;
  H0 = Uint32Array.from(primes.slice(0, 8), (p) => frac(Math.sqrt(p)));
  return Uint32Array.from(primes, (p) => frac(Math.cbrt(p)));
}

/**
 * SHA-256 of a string (UTF-8), as lowercase hex. Pure and synchronous: works in browsers and Node
 * (no `node:crypto`, no WebCrypto). The one SHA-256 of the package (rule-set hashes).
 */
export function sha256Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const len = bytes.length;
  const total = (((len + 9 + 63) >> 6) << 6) >>> 0;
  const m = new Uint8Array(total);
  m.set(bytes);
  m[len] = 0x80;
  const dv = new DataView(m.buffer);
  dv.setUint32(total - 8, Math.floor(len / 0x20000000));
  dv.setUint32(total - 4, (len << 3) >>> 0);
  K ??= constants();
  const h = H0.slice();
  const w = new Uint32Array(64);
  const r = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = dv.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      w[i] = w[i - 16]! + (r(a, 7) ^ r(a, 18) ^ (a >>> 3)) + w[i - 7]! + (r(b, 17) ^ r(b, 19) ^ (b >>> 10));
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as number[];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh! + (r(e!, 6) ^ r(e!, 11) ^ r(e!, 25)) + ((e! & f!) ^ (~e! & g!)) + K![i]! + w[i]!) >>> 0;
      const t2 = ((r(a!, 2) ^ r(a!, 13) ^ r(a!, 22)) + ((a! & b!) ^ (a! & c!) ^ (b! & c!))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d! + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0]! += a!;
    h[1]! += b!;
    h[2]! += c!;
    h[3]! += d!;
    h[4]! += e!;
    h[5]! += f!;
    h[6]! += g!;
    h[7]! += hh!;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}
