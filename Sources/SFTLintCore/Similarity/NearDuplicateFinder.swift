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
    ///
    /// `parts`, indexed like `store`, holds a sketch of the part of some texts that varies when texts share a
    /// template (the last line, where a question or an input follows a shared template): a pair whose parts are
    /// both present must be similar there too, so that one template applied to different inputs isn't a
    /// near-duplicate.
    func link(_ items: [Int32], in store: SketchStore, parts: SparseSketchStore? = nil) -> UnionFind {
        var links = UnionFind(count: items.count)
        for pass in verifiedEdges(items, in: store, parts: parts, window: window, isSkippingLinked: true) {
            for edge in pass { links.union(Int(edge.later), Int(edge.earlier)) }
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
        var pairs: Set<Pair> = []
        for pass in verifiedEdges(items, in: store, parts: nil, window: .max, isSkippingLinked: false) {
            for edge in pass {
                let (earlier, later) = (Int(edge.earlier), Int(edge.later))
                let similarity = store.similarity(Int(items[later]), Int(items[earlier]))
                pairs.insert(Pair(earlier: earlier, later: later, similarity: similarity))
            }
        }
        return pairs.sorted { ($0.earlier, $0.later) < ($1.earlier, $1.later) }
    }

    // MARK: - Candidates

    /// A verified pair, as positions in `items`.
    struct Edge: Sendable {
        var later: Int32
        var earlier: Int32
    }

    /// Bands per pass: a pass holds 4 × 8 bytes of keys per item, and passes run on all cores at once.
    private static let bandsPerPass = 4

    /// The verified pairs of each pass of bands. Passes run in parallel, each on its own bands with its own
    /// union-find: a pair already linked within the pass (`isSkippingLinked`) isn't verified again. Linking the
    /// edges of every pass gives the same groups in any order.
    private func verifiedEdges(
        _ items: [Int32], in store: SketchStore, parts: SparseSketchStore?, window: Int, isSkippingLinked: Bool
    ) -> [[Edge]] {
        guard items.count > 1 else { return [] }
        let passes = stride(from: 0, to: bands.bands, by: Self.bandsPerPass).map {
            $0..<min($0 + Self.bandsPerPass, bands.bands)
        }
        return Parallel.map(passes, jobs: jobs) { passBands in
            var links = UnionFind(count: items.count)
            var edges: [Edge] = []
            let keys = bandKeys(items, in: store, bands: passBands)
            forEachCandidate(keys: keys, bands: passBands.count, count: items.count, window: window) {
                later, earlier in
                if isSkippingLinked, links.isConnected(later, earlier) { return }
                let (a, b) = (Int(items[later]), Int(items[earlier]))
                guard store.isSimilar(a, b, threshold: threshold) else { return }
                if let parts, !parts.allows(a, b, threshold: threshold) { return }
                links.union(later, earlier)
                edges.append(Edge(later: Int32(later), earlier: Int32(earlier)))
            }
            return edges
        }
    }

    /// Calls `visit(later, earlier)` for each pair of items that share a band key, within `window` of each other
    /// in the bucket; a pair sharing several bands is visited once per band.
    ///
    /// Each band's keys are first partitioned by their top byte, keeping data order, so that the table finding
    /// equal keys covers one partition at a time and stays in cache: a table over a million keys misses the
    /// cache on every lookup.
    private func forEachCandidate(
        keys: [UInt64], bands: Int, count: Int, window: Int, _ visit: (_ later: Int, _ earlier: Int) -> Void
    ) {
        let partitions = 256
        var partitioned = [(key: UInt64, item: Int32)](repeating: (0, 0), count: count)
        var previous = [Int32](repeating: -1, count: count)
        for band in 0..<bands {
            let column = band * count
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

    /// The keys of `bands` for every item, band by band (all items' keys of one band are contiguous).
    private func bandKeys(_ items: [Int32], in store: SketchStore, bands: Range<Int>) -> [UInt64] {
        let count = items.count
        var keys = [UInt64](repeating: 0, count: count * bands.count)
        var buffer = [UInt64](repeating: 0, count: bands.count)
        keys.withUnsafeMutableBufferPointer { keys in
            buffer.withUnsafeMutableBufferPointer { buffer in
                for position in 0..<count {
                    let item = Int(items[position])
                    if store.isEmpty(item) {
                        // Nothing to compare: a key no other item has.
                        for i in 0..<bands.count { buffer[i] = Hash64.mix(UInt64(position) | 1 << 62) }
                    } else {
                        store.withSketch(item) { self.bands.keys(of: $0, bands: bands, into: buffer) }
                    }
                    for i in 0..<bands.count { keys[i * count + position] = buffer[i] }
                }
            }
        }
        return keys
    }
}
