/// Counts distinct 64-bit hashes in bounded memory: exactly up to `capacity`, then by adaptive sampling.
///
/// The counter keeps every distinct hash at or below a threshold, starting with all of them. When it holds more
/// than `capacity`, it halves the threshold (raises `level`) and drops the hashes above it, so it keeps a random
/// 1/2^level of the distinct values, whatever their frequency, and estimates the count as kept × 2^level (Gibbons'
/// distinct sampling). While `level` is 0 the count is exact (up to 64-bit hash collisions, about one in 10^9 at
/// 200,000 values). Past it, the relative standard error is about 1/√kept, under 1.1% at the default capacity
/// since at least half of it is kept. The capacity is a trade between exactness and speed, since every n-gram of
/// every text probes a table while the level is 0: at 2^14 a table is at most 256 KB; 2^12 made the benchmark
/// 7% faster, but is exact only up to 4,096 n-grams.
///
/// Two counters merge into the counter of the combined data, and the result is the same however the data was
/// split: the level ends as the lowest one at which the whole holds no more than `capacity` values. A counter
/// may start at a level a run has already reached (`init(level:)`) and skip the hashes that can't matter.
struct DistinctCounter: Sendable {
    static let defaultCapacity = 1 << 14

    let capacity: Int
    private(set) var level = 0 {
        didSet { threshold = Self.threshold(at: level) }
    }
    /// Hashes above this are not kept: `UInt64.max >> level`, stored since every n-gram is compared with it.
    private(set) var threshold: UInt64
    /// Open addressing, 0 for an empty slot (a hash of 0 is stored as 1); at most half full.
    private var slots: [UInt64]
    private(set) var kept = 0

    init(capacity: Int = DistinctCounter.defaultCapacity, level: Int = 0) {
        self.capacity = capacity
        self.level = level
        threshold = Self.threshold(at: level)
        slots = [UInt64](repeating: 0, count: 64)
    }

    private static func threshold(at level: Int) -> UInt64 { level >= 64 ? 0 : UInt64.max >> level }

    /// Whether the count is exact.
    var isExact: Bool { level == 0 }

    /// The estimated number of distinct hashes added.
    var estimate: Double { Double(kept) * Double(sign: .plus, exponent: level, significand: 1) }

    @inline(__always)
    mutating func add(_ hash: UInt64) {
        guard hash <= threshold else { return }
        let stored = hash == 0 ? 1 : hash
        // Most n-grams were seen before: a read-only probe, without the uniqueness check of a mutable one.
        guard !contains(stored) else { return }
        insert(stored)
    }

    @inline(__always)
    private func contains(_ hash: UInt64) -> Bool {
        slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = table[i]
                if slot == hash { return true }
                if slot == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    @inline(never)
    private mutating func insert(_ hash: UInt64) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        let found: Bool = slots.withUnsafeMutableBufferPointer { table in
            while true {
                let slot = table[i]
                if slot == hash { return true }
                if slot == 0 {
                    table[i] = hash
                    return false
                }
                i = (i + 1) & mask
            }
        }
        guard !found else { return }
        kept += 1
        if kept > capacity {
            raiseLevel()
        } else if 2 * kept > slots.count {
            rehash(into: 2 * slots.count)
        }
    }

    /// Halves the threshold until at most `capacity` hashes are kept.
    private mutating func raiseLevel() {
        var values = slots.filter { $0 != 0 }
        while values.count > capacity {
            level += 1
            let limit = threshold
            values.removeAll { $0 > limit }
        }
        refill(values)
    }

    private mutating func rehash(into size: Int) {
        let values = slots.filter { $0 != 0 }
        slots = [UInt64](repeating: 0, count: size)
        kept = 0
        for value in values { insert(value) }
    }

    private mutating func refill(_ values: [UInt64]) {
        var size = 64
        while size < 2 * values.count { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        kept = 0
        for value in values { insert(value) }
    }

    /// Folds in the counter of other data.
    mutating func merge(_ other: DistinctCounter) {
        if other.level > level {
            level = other.level
            let limit = threshold
            refill(slots.filter { $0 != 0 && $0 <= limit })
        }
        for value in other.slots where value != 0 { add(value) }
    }

    /// Bytes held by the table.
    var byteCount: Int { slots.count * 8 }
}
