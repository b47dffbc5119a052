import Foundation

/// Finds near-duplicates among sketched texts: banded MinHash proposes candidate pairs, each candidate is verified
/// on its bottom-k sketches, and verified pairs are linked into groups.
struct NearDuplicateFinder: Sendable {
    /// The similarity at which two texts are near-duplicates.
    var threshold: Double
    /// The band layout for `threshold`.
    var bands: MinHashBands
    /// How many earlier members of a band bucket each text is compared with. A bucket of thousands of templated
    /// prompts still links up, through neighbours, without a quadratic number of comparisons.
    var window = 64
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    init(threshold: Double) {
        self.threshold = threshold
        bands = MinHashBands(threshold: threshold)
    }

    /// Items (sketch indices in `store`, in data order) linked wherever a candidate pair verifies; positions in
    /// the result are positions in `items`.
    func link(_ items: [Int32], in store: SketchStore) -> UnionFind {
        var links = UnionFind(count: items.count)
        forEachCandidate(items, in: store, window: window) { later, earlier in
            guard !links.isConnected(later, earlier) else { return }
            if store.isSimilar(Int(items[later]), Int(items[earlier]), threshold: threshold) {
                links.union(later, earlier)
            }
        }
        return links
    }

    /// A candidate pair that verified: positions in `items`, earlier first, and its similarity.
    struct Pair: Hashable, Sendable {
        var earlier: Int
        var later: Int
        var similarity: Double
    }

    /// Every candidate pair of `items` that verifies, each once, with no window and no skipping of pairs already
    /// linked: what the finder proposes, for comparison with brute force.
    func verifiedPairs(_ items: [Int32], in store: SketchStore) -> [Pair] {
        var seen: Set<Int> = []
        var pairs: [Pair] = []
        forEachCandidate(items, in: store, window: .max) { later, earlier in
            guard seen.insert(earlier << 32 | later).inserted else { return }
            let similarity = store.similarity(Int(items[later]), Int(items[earlier]))
            if similarity >= threshold - BottomKSketch.tolerance {
                pairs.append(Pair(earlier: earlier, later: later, similarity: similarity))
            }
        }
        return pairs.sorted { ($0.earlier, $0.later) < ($1.earlier, $1.later) }
    }

    // MARK: - Candidates

    /// Bands computed at a time: bounds the key buffer to 8 × 8 bytes per item.
    private static let bandsPerPass = 8

    /// Calls `visit(later, earlier)` for each pair of items that share a band key, within `window` of each other
    /// in the bucket; a pair sharing several bands is visited once per band.
    ///
    /// Each band's keys are first partitioned by their top byte, keeping data order, so that the table finding
    /// equal keys covers one partition at a time and stays in cache: a table over a million keys misses the
    /// cache on every lookup.
    private func forEachCandidate(
        _ items: [Int32], in store: SketchStore, window: Int, _ visit: (_ later: Int, _ earlier: Int) -> Void
    ) {
        let count = items.count
        guard count > 1 else { return }
        let partitions = 256
        var partitioned = [(key: UInt64, item: Int32)](repeating: (0, 0), count: count)
        var previous = [Int32](repeating: -1, count: count)
        for firstBand in stride(from: 0, to: bands.bands, by: Self.bandsPerPass) {
            let passBands = firstBand..<min(firstBand + Self.bandsPerPass, bands.bands)
            let keys = bandKeys(items, in: store, bands: passBands)
            for band in passBands {
                let column = (band - firstBand) * count
                var starts = [Int](repeating: 0, count: partitions + 1)
                for item in 0..<count { starts[Int(keys[column + item] >> 56) + 1] += 1 }
                for p in 0..<partitions { starts[p + 1] += starts[p] }
                var next = starts
                for item in 0..<count {
                    let key = keys[column + item]
                    let p = Int(key >> 56)
                    partitioned[next[p]] = (key, Int32(item))
                    next[p] += 1
                }
                for p in 0..<partitions where starts[p + 1] - starts[p] > 1 {
                    // Heads and chains by position in the partition: every access stays local.
                    var heads = KeyTable(expected: starts[p + 1] - starts[p])
                    for position in starts[p]..<starts[p + 1] {
                        let (key, later) = partitioned[position]
                        guard let head = heads.update(key, Int32(position)) else {
                            previous[position] = -1
                            continue
                        }
                        previous[position] = head
                        var earlier = Int(head)
                        var compared = 0
                        while earlier >= 0, compared < window {
                            visit(Int(later), Int(partitioned[earlier].item))
                            earlier = Int(previous[earlier])
                            compared += 1
                        }
                    }
                }
            }
        }
    }

    /// The keys of `bands` for every item, band by band (all items' keys of one band are contiguous), computed on
    /// all cores.
    private func bandKeys(_ items: [Int32], in store: SketchStore, bands: Range<Int>) -> [UInt64] {
        let count = items.count
        var keys = [UInt64](repeating: 0, count: count * bands.count)
        let chunk = 4096
        let starts = Array(stride(from: 0, to: count, by: chunk))
        keys.withUnsafeMutableBufferPointer { keys in
            // Each chunk writes only its own items' keys, so no two threads touch one element.
            nonisolated(unsafe) let output = keys
            _ = Parallel.map(starts, jobs: jobs) { start in
                var buffer = [UInt64](repeating: 0, count: bands.count)
                buffer.withUnsafeMutableBufferPointer { buffer in
                    for position in start..<min(start + chunk, count) {
                        let item = Int(items[position])
                        if store.isEmpty(item) {
                            // Nothing to compare: a key no other item has.
                            for i in 0..<bands.count { buffer[i] = Hash64.mix(UInt64(position) | 1 << 62) }
                        } else {
                            store.withSketch(item) { self.bands.keys(of: $0, bands: bands, into: buffer) }
                        }
                        for i in 0..<bands.count { output[i * count + position] = buffer[i] }
                    }
                }
                return 0
            }
        }
        return keys
    }
}
