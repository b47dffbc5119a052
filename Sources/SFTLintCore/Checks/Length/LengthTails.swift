/// One length of a dataset's samples (prompt or response, in estimated tokens), kept the way L003 needs it in
/// bounded memory: a histogram of log-spaced buckets for the median and MAD, and the records of both tails.
///
/// Each tail keeps the records at or beyond a cut that only moves outwards: at most `capacity` records, the
/// longest (or shortest) ones, ties at the cut's bucket kept whole. Outliers are rare by definition, so the tails
/// hold every record beyond the bound unless more than `capacity` are; then L003 reports the `capacity` most
/// extreme and counts the rest in `stats.lengthOutliers`.
struct LengthTails: Sendable {
    struct Entry: Sendable {
        var bucket: Int
        var tokens: Int
        var ref: RecordRef
    }

    /// Records kept per tail.
    static let defaultCapacity = 10_000
    /// Entries a tail makes room for when it starts.
    static let initialRoom = 8192

    let capacity: Int
    /// Samples by `LengthDistribution.bucket(of:)` of their length: an array grown to the highest bucket seen,
    /// since every record of the run is counted here.
    private(set) var buckets: [Int] = []
    private(set) var count = 0
    /// Records with bucket ≥ `highCut`, and with bucket ≤ `lowCut`, in data order.
    private(set) var high: [Entry] = []
    private(set) var low: [Entry] = []
    private(set) var highCut = 0
    private(set) var lowCut = Int.max

    init(capacity: Int = LengthTails.defaultCapacity) {
        self.capacity = capacity
    }

    mutating func add(_ tokens: Int, at ref: RecordRef) {
        let bucket = LengthDistribution.bucket(of: tokens)
        count += 1
        LengthDistribution.count(bucket, times: 1, in: &buckets)
        let entry = Entry(bucket: bucket, tokens: tokens, ref: ref)
        if high.isEmpty && low.isEmpty {
            // Until the first trim both tails take every record: room for a batch's worth at once, rather than
            // copying them at every doubling.
            high.reserveCapacity(Swift.min(2 * capacity + 1, Self.initialRoom))
            low.reserveCapacity(Swift.min(2 * capacity + 1, Self.initialRoom))
        }
        if bucket >= highCut {
            high.append(entry)
            if high.count > 2 * capacity { trimHigh() }
        }
        if bucket <= lowCut {
            low.append(entry)
            if low.count > 2 * capacity { trimLow() }
        }
    }

    mutating func merge(_ later: LengthTails) {
        count += later.count
        for (bucket, times) in later.buckets.enumerated() where times > 0 {
            LengthDistribution.count(bucket, times: times, in: &buckets)
        }
        let (earlierHighCut, earlierLowCut) = (highCut, lowCut)
        highCut = max(highCut, later.highCut)
        lowCut = min(lowCut, later.lowCut)
        // A tail holds only records beyond its cut: where a cut didn't move, its records all stay, and are
        // appended at once rather than one by one through a filter.
        if highCut != earlierHighCut { high.removeAll { $0.bucket < highCut } }
        if highCut == later.highCut {
            high += later.high
        } else {
            high += later.high.lazy.filter { $0.bucket >= self.highCut }
        }
        if lowCut != earlierLowCut { low.removeAll { $0.bucket > lowCut } }
        if lowCut == later.lowCut {
            low += later.low
        } else {
            low += later.low.lazy.filter { $0.bucket <= self.lowCut }
        }
        if high.count > 2 * capacity { trimHigh() }
        if low.count > 2 * capacity { trimLow() }
    }

    /// Moves the cuts in until each tail holds at most `capacity` records. The result depends only on the data,
    /// not on how it was split: the tightest cut at which the whole has no more than `capacity` beyond.
    mutating func trim() {
        if high.count > capacity { trimHigh() }
        if low.count > capacity { trimLow() }
    }

    private mutating func trimHigh() {
        // The bucket at position `capacity`, longest first, can't be kept whole: keep only longer buckets.
        highCut = Self.bucket(atRank: capacity, of: high, longestFirst: true) + 1
        high.removeAll { $0.bucket < highCut }
    }

    private mutating func trimLow() {
        lowCut = Self.bucket(atRank: capacity, of: low, longestFirst: false) - 1
        low.removeAll { $0.bucket > lowCut }
    }

    /// The bucket of the entry at position `rank` (from 0) were `entries` sorted by bucket: counted, not sorted,
    /// as buckets are a few hundred small integers and a tail is trimmed often on a large run.
    static func bucket(atRank rank: Int, of entries: [Entry], longestFirst: Bool) -> Int {
        var counts: [Int] = []
        for entry in entries { LengthDistribution.count(entry.bucket, times: 1, in: &counts) }
        var seen = 0
        for bucket in longestFirst ? Array(counts.indices.reversed()) : Array(counts.indices) {
            seen += counts[bucket]
            if seen > rank { return bucket }
        }
        return longestFirst ? 0 : counts.count
    }


    // MARK: - The robust bound

    /// The median and the MAD of ln(1 + length), read from the buckets (each at its middle, so within 0.8%).
    var logMedianAndMAD: (median: Double, mad: Double)? {
        guard count > 0 else { return nil }
        let points = buckets.indices.filter { buckets[$0] > 0 }.map { bucket -> (value: Double, count: Int) in
            (log(1 + LengthDistribution.middle(ofBucket: bucket)), buckets[bucket])
        }
        let median = Self.median(points)
        let deviations = points.map { (abs($0.value - median), $0.count) }.sorted { $0.0 < $1.0 }
        return (median, Self.median(deviations.map { (value: $0.0, count: $0.1) }))
    }

    /// The lower median of weighted sorted points.
    private static func median(_ points: [(value: Double, count: Int)]) -> Double {
        let total = points.reduce(0) { $0 + $1.count }
        var seen = 0
        for point in points {
            seen += point.count
            if 2 * seen >= total { return point.value }
        }
        return points.last?.value ?? 0
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
