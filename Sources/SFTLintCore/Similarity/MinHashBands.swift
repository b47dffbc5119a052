/// Banded MinHash over sets of 32-bit shingle hashes: the locality-sensitive hashing that turns "which of a
/// million prompts are similar" into "which share a band key".
///
/// `rows × bands` min-wise hashes are computed per set; each band hashes `rows` of them into one key. Two sets of
/// Jaccard similarity s agree on one min-wise hash with probability s, on a band with s^rows, and share at least
/// one band key, becoming a candidate pair, with probability 1 − (1 − s^rows)^bands. With 10 rows and 40 bands
/// (400 hashes) that S-curve is 0.989 at s = 0.8, 0.90 at 0.75, 0.68 at 0.7, 0.04 at 0.5 and 0.0002 at 0.3 (see
/// `docs/near-duplicates.md`). Candidates are then verified on their sketches.
public struct MinHashBands: Sendable {
    public static let rows = 10
    public static let bands = 40
    /// The default permutations, from a fixed seed: the same keys on every run, so states from shards agree.
    public static let standard = MinHashBands(seed: 0x5346_544c_696e_7433)

    /// Per pair of min-wise hashes: v = multipliers[i] · x + increments[i] mod 2^64, with x a 32-bit shingle
    /// hash; hash 2i is the high half of v, hash 2i + 1 the low half. Two hashes per multiplication halve the
    /// cost; `MinHashTests` checks that the S-curve holds all the same.
    let multipliers: [UInt64]
    let increments: [UInt64]

    init(seed: UInt64) {
        var state = seed
        var multipliers: [UInt64] = []
        var increments: [UInt64] = []
        for _ in 0..<(Self.rows * Self.bands / 2) {
            state &+= 0x9e37_79b9_7f4a_7c15
            multipliers.append(Hash64.mix(state) | 1)
            state &+= 0x9e37_79b9_7f4a_7c15
            increments.append(Hash64.mix(state))
        }
        self.multipliers = multipliers
        self.increments = increments
    }

    /// The probability that two sets of similarity `s` share a band key.
    public static func candidateProbability(similarity s: Double) -> Double {
        1 - power(1 - power(s, rows), bands)
    }

    /// Writes the keys of `bands` for `set` (not empty) to `keys`, one per band.
    func keys(of set: UnsafeBufferPointer<UInt32>, bands: Range<Int>, into keys: UnsafeMutableBufferPointer<UInt64>) {
        multipliers.withUnsafeBufferPointer { multipliers in
            increments.withUnsafeBufferPointer { increments in
                for band in bands {
                    keys[band - bands.lowerBound] = key(
                        of: set, band: band, multipliers: multipliers, increments: increments)
                }
            }
        }
    }

    /// One band's key: its five multiplications per shingle run side by side, for the processor to overlap.
    @inline(__always)
    private func key(
        of set: UnsafeBufferPointer<UInt32>, band: Int, multipliers: UnsafeBufferPointer<UInt64>,
        increments: UnsafeBufferPointer<UInt64>
    ) -> UInt64 {
        let first = band * Self.rows / 2
        let (m0, m1, m2, m3, m4) = (
            multipliers[first], multipliers[first + 1], multipliers[first + 2], multipliers[first + 3],
            multipliers[first + 4]
        )
        let (c0, c1, c2, c3, c4) = (
            increments[first], increments[first + 1], increments[first + 2], increments[first + 3],
            increments[first + 4]
        )
        var (h0, h1, h2, h3, h4) = (UInt64.max, UInt64.max, UInt64.max, UInt64.max, UInt64.max)
        var (l0, l1, l2, l3, l4) = (UInt32.max, UInt32.max, UInt32.max, UInt32.max, UInt32.max)
        for x in set {
            let x = UInt64(x)
            let (v0, v1, v2, v3, v4) = (m0 &* x &+ c0, m1 &* x &+ c1, m2 &* x &+ c2, m3 &* x &+ c3, m4 &* x &+ c4)
            // The high halves compare as whole values (the low half only breaks ties), the low halves alone.
            h0 = min(h0, v0)
            h1 = min(h1, v1)
            h2 = min(h2, v2)
            h3 = min(h3, v3)
            h4 = min(h4, v4)
            l0 = min(l0, UInt32(truncatingIfNeeded: v0))
            l1 = min(l1, UInt32(truncatingIfNeeded: v1))
            l2 = min(l2, UInt32(truncatingIfNeeded: v2))
            l3 = min(l3, UInt32(truncatingIfNeeded: v3))
            l4 = min(l4, UInt32(truncatingIfNeeded: v4))
        }
        var key = UInt64(band) &* 0x9e37_79b9_7f4a_7c15
        key = Hash64.combine(key, h0 & ~0xFFFF_FFFF | UInt64(l0))
        key = Hash64.combine(key, h1 & ~0xFFFF_FFFF | UInt64(l1))
        key = Hash64.combine(key, h2 & ~0xFFFF_FFFF | UInt64(l2))
        key = Hash64.combine(key, h3 & ~0xFFFF_FFFF | UInt64(l3))
        key = Hash64.combine(key, h4 & ~0xFFFF_FFFF | UInt64(l4))
        return key
    }

    /// Every band key of `set`.
    func keys(of set: [UInt32]) -> [UInt64] {
        var keys = [UInt64](repeating: 0, count: Self.bands)
        set.withUnsafeBufferPointer { set in
            keys.withUnsafeMutableBufferPointer { self.keys(of: set, bands: 0..<Self.bands, into: $0) }
        }
        return keys
    }

    private static func power(_ base: Double, _ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { product, _ in product * base }
    }
}
