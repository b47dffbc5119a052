/// Banded MinHash over sets of 32-bit shingle hashes: the locality-sensitive hashing that turns "which of a
/// million prompts are similar" into "which share a band key".
///
/// 400 min-wise hashes are computed per set and cut into `bands` bands of `rows` hashes; each band hashes its
/// rows into one key. Two sets of Jaccard similarity s agree on one min-wise hash with probability s, on a band
/// with s^rows, and share at least one band key, becoming a candidate pair, with probability
/// 1 − (1 − s^rows)^bands. The layout follows the threshold: the most rows per band (the fewest chance
/// candidates) that still make a pair at the threshold a candidate with probability at least 0.985. At the
/// default 0.8 that is 10 rows × 40 bands, whose S-curve is 0.989 at s = 0.8, 0.90 at 0.75, 0.68 at 0.7, 0.04 at
/// 0.5 and 0.0002 at 0.3 (see `docs/near-duplicates.md`). Candidates are then verified on their sketches.
public struct MinHashBands: Sendable {
    /// Min-wise hashes available per set.
    public static let hashes = 400
    /// The smallest probability that a pair at the threshold becomes a candidate.
    public static let targetRecall = 0.985
    /// The permutations' seed: fixed, so that keys are the same on every run and states from shards agree.
    public static let seed: UInt64 = 0x5346_544c_696e_7433
    /// The layout for the default threshold.
    public static let standard = MinHashBands(threshold: RuleSettings().nearDuplicateThreshold)

    /// Min-wise hashes per band (even: they are computed two at a time).
    public let rows: Int
    /// Bands: a pair of sets sharing any one band's key is a candidate.
    public let bands: Int

    /// Per pair of min-wise hashes: v = multipliers[i] · x + increments[i] mod 2^64, with x a 32-bit shingle
    /// hash; hash 2i is the high half of v, hash 2i + 1 the low half. Two hashes per multiplication halve the
    /// cost; `SketchTests` checks that the S-curve holds all the same.
    let multipliers: [UInt64]
    let increments: [UInt64]

    /// The layout for `threshold`.
    public init(threshold: Double, seed: UInt64 = Self.seed) {
        let layouts = stride(from: 2, through: Self.hashes, by: 2).map { (rows: $0, bands: Self.hashes / $0) }
        let chosen =
            layouts.last {
                Self.candidateProbability(similarity: threshold, rows: $0.rows, bands: $0.bands) >= Self.targetRecall
            }
            ?? layouts[0]
        self.init(rows: chosen.rows, bands: chosen.bands, seed: seed)
    }

    init(rows: Int, bands: Int, seed: UInt64 = Self.seed) {
        self.rows = rows
        self.bands = bands
        var state = seed
        var multipliers: [UInt64] = []
        var increments: [UInt64] = []
        for _ in 0..<(rows * bands / 2) {
            state &+= 0x9e37_79b9_7f4a_7c15
            multipliers.append(Hash64.mix(state) | 1)
            state &+= 0x9e37_79b9_7f4a_7c15
            increments.append(Hash64.mix(state))
        }
        self.multipliers = multipliers
        self.increments = increments
    }

    /// The probability that two sets of similarity `s` share a band key.
    public func candidateProbability(similarity s: Double) -> Double {
        Self.candidateProbability(similarity: s, rows: rows, bands: bands)
    }

    static func candidateProbability(similarity s: Double, rows: Int, bands: Int) -> Double {
        1 - power(1 - power(s, rows), bands)
    }

    /// Writes the keys of `bands` for `set` (not empty) to `keys`, one per band.
    func keys(of set: UnsafeBufferPointer<UInt32>, bands: Range<Int>, into keys: UnsafeMutableBufferPointer<UInt64>) {
        multipliers.withUnsafeBufferPointer { multipliers in
            increments.withUnsafeBufferPointer { increments in
                for band in bands {
                    var key = UInt64(band) &* 0x9e37_79b9_7f4a_7c15
                    var pair = band * rows / 2
                    let end = pair + rows / 2
                    while pair < end {
                        // Five pairs in one pass over the set where there are five, for the processor to overlap.
                        if end - pair >= 5 {
                            Self.fivePairs(set, multipliers, increments, from: pair, into: &key)
                            pair += 5
                        } else {
                            Self.onePair(set, multipliers[pair], increments[pair], into: &key)
                            pair += 1
                        }
                    }
                    keys[band - bands.lowerBound] = key
                }
            }
        }
    }

    /// Every band key of `set`.
    func keys(of set: [UInt32]) -> [UInt64] {
        var keys = [UInt64](repeating: 0, count: bands)
        set.withUnsafeBufferPointer { set in
            keys.withUnsafeMutableBufferPointer { self.keys(of: set, bands: 0..<bands, into: $0) }
        }
        return keys
    }

    // MARK: - Min-wise hashes

    /// The minima of one pair of hashes over `set`, folded into `key`. The high halves compare as whole values
    /// (the low half only breaks ties), the low halves alone.
    @inline(__always)
    private static func onePair(
        _ set: UnsafeBufferPointer<UInt32>, _ multiplier: UInt64, _ increment: UInt64, into key: inout UInt64
    ) {
        var high = UInt64.max
        var low = UInt32.max
        for x in set {
            let v = multiplier &* UInt64(x) &+ increment
            high = min(high, v)
            low = min(low, UInt32(truncatingIfNeeded: v))
        }
        key = Hash64.combine(key, high & ~0xFFFF_FFFF | UInt64(low))
    }

    /// `onePair` for five pairs at once.
    @inline(__always)
    private static func fivePairs(
        _ set: UnsafeBufferPointer<UInt32>, _ multipliers: UnsafeBufferPointer<UInt64>,
        _ increments: UnsafeBufferPointer<UInt64>, from first: Int, into key: inout UInt64
    ) {
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
        key = Hash64.combine(key, h0 & ~0xFFFF_FFFF | UInt64(l0))
        key = Hash64.combine(key, h1 & ~0xFFFF_FFFF | UInt64(l1))
        key = Hash64.combine(key, h2 & ~0xFFFF_FFFF | UInt64(l2))
        key = Hash64.combine(key, h3 & ~0xFFFF_FFFF | UInt64(l3))
        key = Hash64.combine(key, h4 & ~0xFFFF_FFFF | UInt64(l4))
    }

    private static func power(_ base: Double, _ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { product, _ in product * base }
    }
}
