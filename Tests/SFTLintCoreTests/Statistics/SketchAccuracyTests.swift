import Testing

@testable import SFTLintCore

/// The streaming distributions and counters against the naive computation (sort everything, keep a set), on the
/// exact path and, with the limits lowered, on the sketch path, whose stated error bounds they must meet.
@Suite("Statistics sketches")
struct SketchAccuracyTests {
    /// Lengths spread over four orders of magnitude, as sample lengths are.
    static func lengths(_ count: Int, seed: UInt64) -> [Int] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Int(exp(Double.random(in: 0...9, using: &generator))) }
    }

    /// NumPy's default percentile: linear interpolation between the closest ranks of the sorted values.
    static func naivePercentile(_ values: [Int], _ p: Double) -> Double {
        let sorted = values.sorted()
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return Double(sorted[below]) + Double(sorted[above] - sorted[below]) * (position - Double(below))
    }

    static let ps = [0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]

    @Test func exactPercentilesMatchTheNaiveOnes() {
        let values = Self.lengths(5000, seed: 1)
        var distribution = LengthDistribution()
        for value in values { distribution.add(value) }
        #expect(distribution.isExact)
        #expect(distribution.percentiles(Self.ps) == Self.ps.map { Self.naivePercentile(values, $0) })
        #expect(distribution.min == values.min() && distribution.max == values.max())
        #expect(distribution.mean == Double(values.reduce(0, +)) / Double(values.count))
    }

    @Test func exactHistogramCountsEveryValueInItsBin() {
        let values = Self.lengths(5000, seed: 2)
        var distribution = LengthDistribution()
        for value in values { distribution.add(value) }
        let bins = distribution.histogram()
        #expect(bins.count <= 30 && bins.count > 10)
        #expect(bins.first?.lower == Double(values.min()!))
        #expect(bins.last?.upper == Double(values.max()! + 1))
        for (bin, next) in zip(bins, bins.dropFirst()) { #expect(bin.upper == next.lower) }
        let naive = bins.map { bin in values.filter { Double($0) >= bin.lower && Double($0) < bin.upper }.count }
        #expect(bins.map(\.count) == naive)
    }

    /// Few values spread far apart are sorted rather than counted over their range: the same readings.
    @Test func sparseExactValuesReadTheSameAsTheNaiveOnes() {
        let values = (0..<300).map { (i: Int) -> Int in
            if i % 7 == 0 { return 2_000_000 + i }
            return i % 3 == 0 ? 5 : Int(exp(Double(i % 14)))
        }
        var distribution = LengthDistribution()
        for value in values { distribution.add(value) }
        #expect(distribution.isExact)
        #expect(distribution.max - distribution.min > 4 * values.count + 1024)
        #expect(distribution.percentiles(Self.ps) == Self.ps.map { Self.naivePercentile(values, $0) })
        let bins = distribution.histogram()
        let naive = bins.map { bin in values.filter { Double($0) >= bin.lower && Double($0) < bin.upper }.count }
        #expect(bins.map(\.count) == naive)
    }

    @Test func sketchPercentilesAreWithinTheStatedError() {
        let values = Self.lengths(20000, seed: 3)
        var distribution = LengthDistribution(exactLimit: 100)
        for value in values { distribution.add(value) }
        #expect(!distribution.isExact)
        let sorted = values.sorted()
        for p in Self.ps {
            let estimate = distribution.percentile(p)
            // Within 0.8% of a value at the rank, allowing for the ranks on either side of the interpolation.
            let rank = Int((p * Double(sorted.count - 1)).rounded(.down))
            let low = Double(sorted[rank]) * 0.992 - 0.5
            let high = Double(sorted[min(rank + 1, sorted.count - 1)]) * 1.008 + 0.5
            #expect(estimate >= low && estimate <= high, "p\(p): \(estimate) not in \(low)...\(high)")
        }
        #expect(distribution.histogram().reduce(0) { $0 + $1.count } == values.count)
    }

    @Test(arguments: [100, 1_000_000])
    func mergingChunksEqualsAddingEverything(exactLimit: Int) {
        let values = Self.lengths(3000, seed: 4)
        var whole = LengthDistribution(exactLimit: exactLimit)
        for value in values { whole.add(value) }
        var merged = LengthDistribution(exactLimit: exactLimit)
        for chunk in stride(from: 0, to: values.count, by: 37) {
            var part = LengthDistribution(exactLimit: exactLimit)
            for value in values[chunk..<min(chunk + 37, values.count)] { part.add(value) }
            merged.merge(part)
        }
        #expect(merged == whole)
        #expect(merged.percentiles(Self.ps) == whole.percentiles(Self.ps))
    }

    // MARK: - Distinct counts

    @Test func distinctCountIsExactUpToCapacity() {
        var generator = SeededGenerator(seed: 5)
        let values = (0..<30000).map { _ in UInt64.random(in: 0..<20000, using: &generator) }
        var counter = DistinctCounter(capacity: 1 << 16)
        for value in values { counter.add(Hash64.mix(value)) }
        #expect(counter.isExact)
        #expect(counter.estimate == Double(Set(values).count))
    }

    @Test func distinctSketchIsWithinItsErrorAndMergesTheSameWhateverTheSplit() {
        var generator = SeededGenerator(seed: 6)
        let values = (0..<200_000).map { _ in UInt64.random(in: 0..<100_000, using: &generator) }
        let truth = Double(Set(values).count)
        var whole = DistinctCounter(capacity: 4096)
        for value in values { whole.add(Hash64.mix(value)) }
        #expect(!whole.isExact)
        // At least 2,048 hashes kept: a standard error of at most 1/√2048 ≈ 2.2%; 4 of them is 8.8%.
        #expect(whole.kept >= 2048 && whole.kept <= 4096)
        #expect(abs(whole.estimate - truth) / truth < 0.088, "estimate \(whole.estimate), truth \(truth)")
        // Parts exact and sketched alike merge to the same sample as one counter over everything.
        var merged = DistinctCounter(capacity: 4096)
        for chunk in stride(from: 0, to: values.count, by: 7919) {
            var part = DistinctCounter(capacity: 4096)
            for value in values[chunk..<min(chunk + 7919, values.count)] { part.add(Hash64.mix(value)) }
            merged.merge(part)
        }
        #expect(!merged.isExact)
        #expect(merged.level == whole.level && merged.kept == whole.kept)
        #expect(merged.estimate == whole.estimate)
    }

    @Test func distinctSketchEstimatesSmallAndLargeCountsWithinItsError() {
        // Just past the capacity (a sample of half) and far past it: within 4 standard errors (8.8%).
        for truth in [5_000, 12_000, 50_000, 400_000] {
            var counter = DistinctCounter(capacity: 4096)
            for value in 0..<truth { counter.add(Hash64.mix(UInt64(value) &+ 0x9E37)) }
            #expect(!counter.isExact)
            let error = abs(counter.estimate - Double(truth)) / Double(truth)
            #expect(error < 0.088, "\(truth): estimate \(counter.estimate)")
        }
    }

    @Test func countersContinuingARunMergeToTheWholeCount() {
        // As the linter runs: rounds of batches, each batch continuing the run's counter as it was at the round's
        // start, merged back in order; with a capacity the data exceeds, so counters switch to the sketch inside
        // batches too, and one the data doesn't.
        var generator = SeededGenerator(seed: 7)
        let values = (0..<120_000).map { _ in Hash64.mix(UInt64.random(in: 0..<60_000, using: &generator)) }
        for capacity in [1 << 10, 1 << 17] {
            var whole = DistinctCounter(capacity: capacity)
            for value in values { whole.add(value) }
            var run = DistinctCounter(capacity: capacity)
            let batches = stride(from: 0, to: values.count, by: 5003).map { values[$0..<min($0 + 5003, values.count)] }
            for round in stride(from: 0, to: batches.count, by: 3) {
                let parts = batches[round..<min(round + 3, batches.count)].map { batch in
                    var part = run.continuing()
                    for value in batch { part.add(value) }
                    return part
                }
                for part in parts { run.merge(part) }
            }
            #expect(run.isExact == whole.isExact)
            #expect(run.kept == whole.kept)
            #expect(run.estimate == whole.estimate)
        }
    }

    // MARK: - Length tails (L003)

    @Test func lengthTailsKeepTheMostExtremeRecordsWhateverTheSplit() {
        let values = Self.lengths(5000, seed: 8)
        let refs = values.indices.map { RecordRef(file: 0, record: UInt32($0), line: UInt32($0 + 1), column: 1) }
        var whole = LengthTails(capacity: 50)
        for (value, ref) in zip(values, refs) { whole.add(value, at: ref) }
        whole.trim()
        var merged = LengthTails(capacity: 50)
        for chunk in stride(from: 0, to: values.count, by: 333) {
            var part = LengthTails(capacity: 50)
            for i in chunk..<min(chunk + 333, values.count) { part.add(values[i], at: refs[i]) }
            merged.merge(part)
        }
        merged.trim()
        #expect(merged.high.map(\.ref) == whole.high.map(\.ref))
        #expect(merged.low.map(\.ref) == whole.low.map(\.ref))
        #expect(whole.high.count <= 50 && whole.low.count <= 50)
        // Every record longer than the shortest kept one is kept: the tail holds the longest records.
        let cut = whole.high.map(\.tokens).min()!
        #expect(whole.high.count == values.filter { LengthDistribution.bucket(of: $0) >= LengthDistribution.bucket(of: cut) }.count)
        #expect(values.filter { $0 > cut }.count < 50)
    }

    // MARK: - Heavy hitters

    @Test func heavyHittersKeepTheFrequentKeysWithinTheirBound() {
        var hitters = HeavyHitters(capacity: 64)
        let file = InputFile(path: "data.jsonl", index: 0)
        var truth: [UInt64: Int] = [:]
        var generator = SeededGenerator(seed: 7)
        for i in 0..<20000 {
            let key: UInt64 = i % 10 < 3 ? 1 : i % 10 == 3 ? 2 : UInt64.random(in: 10..<5000, using: &generator)
            truth[key, default: 0] += 1
            let ref = RecordRef(file: 0, record: UInt32(i), line: UInt32(i + 1), column: 1)
            var text = "key \(key)"
            text.withUTF8 { hitters.add(key, at: ref, in: file, text: $0) }
        }
        #expect(!hitters.isExact)
        let bound = 20000 / 65
        let top = hitters.top(2)
        #expect(top.map(\.text) == ["key 1", "key 2"])
        #expect(top[0].count <= truth[1]! && top[0].count >= truth[1]! - bound)
        #expect(top[1].count <= truth[2]! && top[1].count >= truth[2]! - bound)
        // The first record a key was seen in stays its example.
        #expect(top[0].example.line == 1)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
