/// The distribution of a length over samples (in scalars or estimated tokens), streaming and mergeable.
///
/// Exact up to `exactLimit` values: they are kept, and percentiles interpolate between the sorted values as
/// NumPy's default does. Beyond, every value goes into a log-spaced bucket: values below 128 each have their
/// own, larger ones share a bucket with values less than 1/64 apart (the value's top 7 bits), so a percentile
/// read at a bucket's middle is within 0.8% of the exact one. The buckets are a few hundred counters whatever the
/// data size. Both forms merge, and the form depends only on the number of values, not on how they were batched.
public struct LengthDistribution: Sendable, Hashable {
    /// Values kept exactly before switching to buckets; a test lowers it to reach the sketch on small data.
    public static let defaultExactLimit = 65_536

    public private(set) var count = 0
    public private(set) var sum = 0
    public private(set) var min = Int.max
    public private(set) var max = 0
    let exactLimit: Int
    /// The values while `count <= exactLimit`.
    private var values: [UInt32] = []
    /// Counts by bucket index, once beyond the limit: an array grown to the highest bucket seen (a few hundred
    /// for lengths up to a million), since every value of a large run lands here, some twice (batch, then file).
    private var buckets: [Int] = []

    public init(exactLimit: Int = LengthDistribution.defaultExactLimit) {
        self.exactLimit = exactLimit
    }

    /// Whether percentiles are exact.
    public var isExact: Bool { count <= exactLimit }

    public var mean: Double { count == 0 ? 0 : Double(sum) / Double(count) }

    /// Inlined where it is called (six times a sample), with the bucketing out of line.
    @inline(__always)
    public mutating func add(_ value: Int) {
        count += 1
        sum += value
        min = Swift.min(min, value)
        max = Swift.max(max, value)
        if count <= exactLimit {
            values.append(UInt32(clamping: value))
        } else {
            addBeyondExact(value)
        }
    }

    @inline(never)
    private mutating func addBeyondExact(_ value: Int) {
        if !values.isEmpty { spill() }
        count(bucket: Self.bucket(of: value), times: 1)
    }

    public mutating func merge(_ later: LengthDistribution) {
        guard later.count > 0 else { return }
        count += later.count
        sum += later.sum
        min = Swift.min(min, later.min)
        max = Swift.max(max, later.max)
        if count <= exactLimit {
            values.append(contentsOf: later.values)
            return
        }
        if !values.isEmpty { spill() }
        countInBuckets(later.values, largest: later.max)
        for (index, times) in later.buckets.enumerated() where times > 0 { count(bucket: index, times: times) }
    }

    @inline(__always)
    private mutating func count(bucket index: Int, times: Int) {
        Self.count(index, times: times, in: &buckets)
    }

    /// Adds `times` to `counts[bucket]`, growing the array to the bucket: bucket counts kept as a flat array
    /// (here and in L003's tails) rather than a dictionary, since every sample of a run lands in one.
    @inline(__always)
    static func count(_ bucket: Int, times: Int, in counts: inout [Int]) {
        if bucket >= counts.count { counts += [Int](repeating: 0, count: bucket + 1 - counts.count) }
        counts[bucket] += times
    }

    private mutating func spill() {
        countInBuckets(values, largest: max)
        values = []
    }

    /// Counts exact `values`, none above `largest`, in the buckets: the array grown once, then counted through
    /// a pointer. Every value of a run past the exact limit passes here once or twice (a batch's values when
    /// merged into the run, and into their file's), so this is most of what a large run's lengths cost.
    private mutating func countInBuckets(_ values: [UInt32], largest: Int) {
        guard !values.isEmpty else { return }
        Self.count(Self.bucket(of: largest), times: 0, in: &buckets)
        buckets.withUnsafeMutableBufferPointer { buckets in
            for value in values { buckets[Self.bucket(of: Int(value))] += 1 }
        }
    }

    // MARK: - Buckets

    /// Values below 128 are their own bucket; above, a bucket is the value's highest bit and the 6 bits after it.
    static func bucket(of value: Int) -> Int {
        guard value >= 128 else { return Swift.max(value, 0) }
        let high = Int.bitWidth - 1 - value.leadingZeroBitCount
        return 128 + (high - 7) * 64 + (value >> (high - 6)) & 63
    }

    /// The values bucket `index` holds: `lower..<upper`.
    static func range(ofBucket index: Int) -> (lower: Int, upper: Int) {
        guard index >= 128 else { return (index, index + 1) }
        let high = (index - 128) / 64 + 7
        let lower = (64 | (index - 128) % 64) << (high - 6)
        return (lower, lower + 1 << (high - 6))
    }

    /// The value that stands for bucket `index`: its middle, within 1/128 of any value in it.
    static func middle(ofBucket index: Int) -> Double {
        let range = range(ofBucket: index)
        return index < 128 ? Double(range.lower) : Double(range.lower + range.upper - 1) / 2
    }

    /// (value, count) in ascending order, each value once: the exact values, or each bucket's middle.
    ///
    /// Exact values are counted in an array over `min...max` when that range is no wider than a few times their
    /// number, as lengths mostly are, and sorted otherwise: the report reads the twelve distributions of the run
    /// and of each file, and sorting 65,536 values for each cost more than reading a thousand records.
    private var sortedCounts: [(value: Double, count: Int)] {
        if isExact {
            guard !values.isEmpty else { return [] }
            let low = UInt32(clamping: min)
            let width = Int(UInt32(clamping: max) - low) + 1
            if width <= 4 * values.count + 1024 {
                var counts = [Int](repeating: 0, count: width)
                counts.withUnsafeMutableBufferPointer { counts in
                    for value in values { counts[Int(value - low)] += 1 }
                }
                return counts.indices.filter { counts[$0] > 0 }.map { (Double(Int(low) + $0), counts[$0]) }
            }
            var runs: [(value: Double, count: Int)] = []
            for value in values.sorted() {
                if let last = runs.last, last.value == Double(value) {
                    runs[runs.count - 1].count += 1
                } else {
                    runs.append((Double(value), 1))
                }
            }
            return runs
        }
        return buckets.indices.filter { buckets[$0] > 0 }.map { index in
            (Swift.min(Swift.max(Self.middle(ofBucket: index), Double(min)), Double(max)), buckets[index])
        }
    }

    // MARK: - Reading

    /// Percentile `p` (0…1): linear interpolation between the closest ranks when exact (NumPy's default), the
    /// middle of the bucket holding that rank otherwise.
    public func percentile(_ p: Double) -> Double {
        percentiles([p])[0]
    }

    /// Several percentiles with one sort.
    public func percentiles(_ ps: [Double]) -> [Double] {
        percentiles(ps, of: sortedCounts)
    }

    /// The value at `rank` (from 0) of the values `sorted` counts.
    private static func value(atRank rank: Int, of sorted: [(value: Double, count: Int)]) -> Double? {
        var seen = 0
        for entry in sorted {
            seen += entry.count
            if seen > rank { return entry.value }
        }
        return nil
    }

    func percentiles(_ ps: [Double], of sorted: [(value: Double, count: Int)]) -> [Double] {
        guard count > 0 else { return ps.map { _ in 0 } }
        if isExact {
            return ps.map { p in
                let position = p * Double(count - 1)
                let below = Int(position.rounded(.down))
                let above = Swift.min(below + 1, count - 1)
                let low = Self.value(atRank: below, of: sorted)!
                let high = Self.value(atRank: above, of: sorted)!
                return low + (high - low) * (position - Double(below))
            }
        }
        return ps.map { p in
            Self.value(atRank: Int((p * Double(count - 1)).rounded(.down)), of: sorted) ?? Double(max)
        }
    }

    /// Up to `maxBins` log-spaced bins from `min` to `max`: lower bound inclusive, upper exclusive, the last
    /// upper bound just above `max`. The bounds are spaced evenly in log(1 + length), so that a length of 0 has a
    /// place; about three bins per doubling, fewer when the range is narrow. Exact counts when the distribution is;
    /// from the buckets' middles otherwise.
    public func histogram(maxBins: Int = 30) -> [(lower: Double, upper: Double, count: Int)] {
        histogram(maxBins: maxBins, of: sortedCounts)
    }

    func histogram(maxBins: Int = 30, of sorted: [(value: Double, count: Int)]) -> [(lower: Double, upper: Double, count: Int)] {
        guard count > 0 else { return [] }
        let low = log2(Double(min) + 1)
        let high = log2(Double(max) + 2)
        let bins = Swift.max(1, Swift.min(maxBins, Int((3 * (high - low)).rounded(.up)), max + 1 - min))
        let edges = (0...bins).map { i in
            i == 0 ? Double(min) : i == bins ? Double(max + 1) : exp2(low + (high - low) * Double(i) / Double(bins)) - 1
        }
        var counts = [Int](repeating: 0, count: bins)
        var bin = 0
        for entry in sorted {
            while bin < bins - 1 && entry.value >= edges[bin + 1] { bin += 1 }
            counts[bin] += entry.count
        }
        return (0..<bins).map { (edges[$0], edges[$0 + 1], counts[$0]) }
    }

    /// The percentiles and histogram of `json`, with one reading of the values.
    func summary(_ ps: [Double]) -> (percentiles: [Double], histogram: [(lower: Double, upper: Double, count: Int)]) {
        let sorted = sortedCounts
        return (percentiles(ps, of: sorted), histogram(of: sorted))
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
