/// A 32-byte sketch of a response's shingles, enough to tell "the same answer" from "a different answer".
///
/// One-permutation hashing: each shingle hash falls in one of 32 bins by its top 5 bits, and a bin keeps a byte of
/// its smallest hash. Two responses agree in a bin both fill with probability about their Jaccard similarity
/// (plus 1/255 by chance), and a bin only one fills is a disagreement, so short responses ("Yes", "No") compare
/// almost exactly and long ones within about ±0.09.
struct ResponseSketch: Sendable, Hashable {
    static let bins = 32
    private static let empty: UInt8 = 255

    private(set) var values: SIMD32<UInt8>

    init<C: Collection<UInt64>>(shingles: C) {
        var values = SIMD32<UInt8>(repeating: Self.empty)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.bins) { minimums in
            minimums.initialize(repeating: .max)
            for hash in shingles {
                let bin = Int(hash >> 59)
                minimums[bin] = min(minimums[bin], hash & (1 << 59 - 1))
            }
            for bin in 0..<Self.bins where minimums[bin] != .max {
                values[bin] = UInt8(truncatingIfNeeded: Hash64.mix(minimums[bin]) % 255)
            }
        }
        self.values = values
    }

    /// The estimated Jaccard similarity of two responses' shingles; 1 when neither has any.
    func similarity(_ other: ResponseSketch) -> Double {
        let filled = values .!= SIMD32(repeating: Self.empty)
        let otherFilled = other.values .!= SIMD32(repeating: Self.empty)
        var counted = 0
        var agreeing = 0
        for bin in 0..<Self.bins where filled[bin] || otherFilled[bin] {
            counted += 1
            if filled[bin], otherFilled[bin], values[bin] == other.values[bin] { agreeing += 1 }
        }
        return counted == 0 ? 1 : Double(agreeing) / Double(counted)
    }
}
