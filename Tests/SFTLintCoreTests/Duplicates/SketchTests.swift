import Testing

@testable import SFTLintCore

@Suite("Sketches, MinHash bands, union-find")
struct SketchTests {
    /// A set of `count` random 32-bit hashes, sorted.
    static func randomSet(_ count: Int, using generator: inout SeededGenerator) -> [UInt32] {
        var values = Set<UInt32>()
        while values.count < count { values.insert(UInt32.random(in: 0...UInt32.max, using: &generator)) }
        return values.sorted()
    }

    /// Two sets of `size` elements with Jaccard similarity close to `similarity`.
    static func pair(size: Int, similarity: Double, using generator: inout SeededGenerator) -> ([UInt32], [UInt32]) {
        let shared = Int((2 * Double(size) * similarity / (1 + similarity)).rounded())
        let all = randomSet(shared + 2 * (size - shared), using: &generator).shuffled(using: &generator)
        let a = Array(all[0..<size]).sorted()
        let b = (Array(all[0..<shared]) + Array(all[size..<(2 * size - shared)])).sorted()
        return (a, b)
    }

    static func exactJaccard(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let (x, y) = (Set(a), Set(b))
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }

    // MARK: - Bottom-k

    @Test func bottomKIsExactForSmallSets() {
        var generator = SeededGenerator(seed: 2)
        for _ in 0..<200 {
            let size = Int.random(in: 1..<BottomKSketch.capacity, using: &generator)
            let (a, b) = Self.pair(
                size: size, similarity: Double.random(in: 0...1, using: &generator), using: &generator)
            #expect(BottomKSketch.similarity(a, b) == Self.exactJaccard(a, b))
        }
        #expect(BottomKSketch.similarity([], []) == 0)
        #expect(BottomKSketch.similarity([1, 2], [1, 2]) == 1)
    }

    @Test func bottomKEstimatesLargeSetsWithoutBias() {
        var generator = SeededGenerator(seed: 3)
        for target in [0.5, 0.8, 0.9] {
            var errors: [Double] = []
            for _ in 0..<300 {
                let (a, b) = Self.pair(size: 200, similarity: target, using: &generator)
                let estimate = BottomKSketch.similarity(
                    Array(BottomKSketch.sketch(of: a)), Array(BottomKSketch.sketch(of: b)))
                errors.append(estimate - Self.exactJaccard(a, b))
            }
            let bias = errors.reduce(0, +) / Double(errors.count)
            let spread = (errors.map { $0 * $0 }.reduce(0, +) / Double(errors.count)).squareRoot()
            #expect(abs(bias) < 0.02, "bias \(bias) at \(target)")
            #expect(spread < 0.08, "spread \(spread) at \(target)")
        }
    }

    @Test func earlyExitAgreesWithTheFullComparison() {
        var generator = SeededGenerator(seed: 4)
        for _ in 0..<3000 {
            let size = Int.random(in: 1...80, using: &generator)
            let other = max(1, size + Int.random(in: -10...10, using: &generator))
            let (a, _) = Self.pair(size: size, similarity: 1, using: &generator)
            var b = Array(a.shuffled(using: &generator).prefix(Int.random(in: 0...size, using: &generator)))
            b += Self.randomSet(max(0, other - b.count), using: &generator)
            let (sa, sb) = (Array(BottomKSketch.sketch(of: a)), Array(BottomKSketch.sketch(of: Set(b).sorted())))
            for threshold in [0.5, 0.8, 0.95] {
                let full = BottomKSketch.similarity(sa, sb) >= threshold - BottomKSketch.tolerance
                let fast = sa.withUnsafeBufferPointer { x in
                    sb.withUnsafeBufferPointer { y in BottomKSketch.isSimilar(x, y, threshold: threshold) }
                }
                #expect(full == fast, "\(sa.count) vs \(sb.count) at \(threshold)")
            }
        }
    }

    @Test func sketchStoreKeepsSketchesApartAcrossMerges() {
        var first = SketchStore()
        first.append([1, 2, 3])
        first.append([UInt32]())
        var second = SketchStore()
        second.append([2, 3, 4])
        first.append(contentsOf: second)
        #expect(first.count == 3)
        #expect(first.isEmpty(1))
        #expect(first.similarity(0, 2) == 0.5)
    }

    @Test func sparseSketchStoreFindsRecordsAcrossMerges() {
        var first = SparseSketchStore()
        first.append([1, 2, 3])
        first.append([UInt32]())
        var second = SparseSketchStore()
        second.append([UInt32]())
        second.append([1, 2, 3, 4])
        second.append([7, 8, 9])
        first.append(contentsOf: second)
        #expect(first.recordCount == 5)
        #expect([0, 1, 2, 3, 4].map { first.position(of: $0) } == [0, nil, nil, 1, 2])
        // Records without a sketch never veto; two with sketches must be similar.
        #expect(first.allows(1, 4, threshold: 0.8))
        #expect(first.allows(0, 3, threshold: 0.75))
        #expect(!first.allows(0, 3, threshold: 0.8))
        #expect(!first.allows(0, 4, threshold: 0.1))
    }

    // MARK: - Response sketch

    @Test func responseSketchTellsSameAnswersFromDifferentOnes() {
        func sketch(_ text: String) -> ResponseSketch {
            var bytes: [UInt8] = []
            TextNormalizer.append(text, to: &bytes)
            var hashes: [UInt64] = []
            bytes.withUnsafeBufferPointer { Shingler.appendShingles(of: $0, to: &hashes) }
            return ResponseSketch(shingles: hashes)
        }
        #expect(sketch("Yes.").similarity(sketch("yes")) == 1)
        #expect(sketch("Yes.").similarity(sketch("No.")) == 0)
        #expect(sketch("").similarity(sketch("")) == 1)
        let long = "The Earth is an oblate spheroid, slightly flattened at the poles by its rotation."
        #expect(sketch(long).similarity(sketch(long + " It is not flat.")) > 0.6)
        #expect(sketch(long).similarity(sketch("Of course it is flat, look outside.")) < 0.2)
        #expect(sketch("在标准大气压下，水的沸点是100摄氏度。").similarity(sketch("水在50度时沸腾。")) == 0)
    }

    // MARK: - MinHash bands

    @Test func candidateCurveMatchesTheFormula() {
        // Pairs of known similarity share a band as often as 1 − (1 − s^rows)^bands says, so the low and high
        // halves of one multiplication act as independent min-wise hashes.
        var generator = SeededGenerator(seed: 5)
        let bands = MinHashBands.standard
        for similarity in [0.5, 0.65, 0.75, 0.8, 0.9] {
            var candidates = 0
            var bandMatches = 0
            let trials = 600
            for _ in 0..<trials {
                let (a, b) = Self.pair(size: 40, similarity: similarity, using: &generator)
                let matches = zip(bands.keys(of: a), bands.keys(of: b)).filter { $0 == $1 }.count
                bandMatches += matches
                if matches > 0 { candidates += 1 }
            }
            let exact = Double(Int((2 * 40 * similarity / (1 + similarity)).rounded()))
            let s = exact / (80 - exact)
            let expected = bands.candidateProbability(similarity: s)
            let observed = Double(candidates) / Double(trials)
            #expect(abs(observed - expected) < 0.06, "at s = \(s): \(observed) candidates, expected \(expected)")
            let perBand = Double(bandMatches) / Double(trials * bands.bands)
            let expectedPerBand = (0..<bands.rows).reduce(1.0) { p, _ in p * s }
            #expect(abs(perBand - expectedPerBand) < 0.02 + 0.15 * expectedPerBand, "band rate at s = \(s)")
        }
    }

    @Test func theCurveIsDocumented() {
        let standard = MinHashBands.standard
        #expect(standard.rows == 10 && standard.bands == 40)
        #expect(abs(standard.candidateProbability(similarity: 0.8) - 0.9894) < 0.0001)
        #expect(standard.candidateProbability(similarity: 0.3) < 0.001)
        #expect(standard.candidateProbability(similarity: 0.9) > 0.9999)
    }

    @Test(arguments: [0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95, 1.0])
    func theLayoutFollowsTheThreshold(threshold: Double) {
        // The most rows per band (fewest chance candidates) that keep a pair at the threshold likely to be found.
        let layout = MinHashBands(threshold: threshold)
        #expect(layout.candidateProbability(similarity: threshold) >= MinHashBands.targetRecall)
        #expect(layout.rows % 2 == 0 && layout.rows * layout.bands <= MinHashBands.hashes)
        let more = MinHashBands(rows: layout.rows + 2, bands: MinHashBands.hashes / (layout.rows + 2))
        #expect(layout.rows + 2 > MinHashBands.hashes || more.candidateProbability(similarity: threshold) < 0.985)
    }

    @Test func bandKeysAreDeterministic() {
        let set: [UInt32] = [3, 1_000_000, 4_000_000_000]
        let standard = MinHashBands.standard
        #expect(standard.keys(of: set) == MinHashBands(threshold: 0.8, seed: 0x5346_544c_696e_7433).keys(of: set))
        #expect(standard.keys(of: set) != MinHashBands(threshold: 0.8, seed: 1).keys(of: set))
        #expect(Set(standard.keys(of: set)).count == standard.bands)
        // Pairs computed five at a time and one at a time give the same keys.
        let odd = MinHashBands(rows: 6, bands: 66)
        #expect(odd.keys(of: set).count == 66)
    }

    // MARK: - Union-find and key table

    @Test func unionFindGroupsChains() {
        var links = UnionFind(count: 60)
        // A chain of 50 paraphrases, each linked to the next: one group.
        for i in 0..<49 { links.union(i, i + 1) }
        links.union(55, 57)
        let (isChainLinked, isOutsiderLinked) = (links.isConnected(0, 49), links.isConnected(0, 50))
        #expect(isChainLinked && !isOutsiderLinked)
        let groups = links.groups()
        #expect(groups.count == 2)
        #expect(groups[0] == Array(0..<50))
        #expect(groups[1] == [55, 57])
        let isNewLink = links.union(3, 40)
        #expect(!isNewLink)
    }

    @Test func keyTableMatchesADictionary() {
        var generator = SeededGenerator(seed: 6)
        var table = KeyTable(expected: 4)
        var reference: [UInt64: Int32] = [:]
        for i in 0..<20_000 {
            let key = UInt64.random(in: 0...5_000, using: &generator) &* 0x9e37_79b9_7f4a_7c15
            if i % 3 == 0 {
                let (old, expected) = (table.update(key, Int32(i)), reference.updateValue(Int32(i), forKey: key))
                #expect(old == expected)
            } else {
                let existing = reference[key]
                if existing == nil { reference[key] = Int32(i) }
                let old = table.insert(key, Int32(i))
                #expect(old == existing)
            }
        }
        #expect(table.count == reference.count)
        for (key, value) in reference { #expect(table.value(for: key) == value) }
        #expect(table.value(for: 12345) == reference[12345])
    }
}
