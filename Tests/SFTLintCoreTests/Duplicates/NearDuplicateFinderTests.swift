import Foundation
import Testing

@testable import SFTLintCore

/// Generated prompts with known edits: bases in English and Chinese, variants of each with a few edits, and
/// unrelated prompts, all from one seed.
struct GeneratedPrompts {
    var texts: [String] = []

    /// Syllables for pseudo-words; the first words are drawn far more often, as function words are.
    static let syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "ve", "so", "di", "pa", "an", "el", "or", "us", "ti"]
    static let hanzi = Array(
        """
        的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种\
        面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本\
        去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比\
        或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题
        """)

    var generator: SeededGenerator

    init(seed: UInt64, bases: Int, unrelated: Int) {
        generator = SeededGenerator(seed: seed)
        let vocabulary = (0..<3000).map { _ in Self.pseudoWord(using: &generator) }
        for i in 0..<bases {
            let isChinese = i % 4 == 3
            let isLong = i % 10 == 0
            let base: [String] =
                isChinese
                ? (0..<Int.random(in: 8...40, using: &generator)).map { _ in
                    String(Self.hanzi.randomElement(using: &generator)!)
                }
                : (0..<(isLong
                    ? Int.random(in: 60...120, using: &generator) : Int.random(in: 5...40, using: &generator)))
                    .map { _ in Self.zipfWord(vocabulary, using: &generator) }
            texts.append(Self.join(base, isChinese: isChinese))
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                let edits = Int.random(in: 0...4, using: &generator)
                let edited = edit(base, edits: edits, isChinese: isChinese, vocabulary: vocabulary)
                texts.append(Self.decorate(Self.join(edited, isChinese: isChinese), using: &generator))
            }
        }
        for i in 0..<unrelated {
            let isChinese = i % 4 == 3
            let words =
                isChinese
                ? (0..<Int.random(in: 8...40, using: &generator)).map { _ in
                    String(Self.hanzi.randomElement(using: &generator)!)
                }
                : (0..<Int.random(in: 5...40, using: &generator)).map { _ in
                    Self.zipfWord(vocabulary, using: &generator)
                }
            texts.append(Self.join(words, isChinese: isChinese))
        }
        texts.shuffle(using: &generator)
    }

    /// Substitutions, insertions, deletions and swaps of words (or characters).
    mutating func edit(_ tokens: [String], edits: Int, isChinese: Bool, vocabulary: [String]) -> [String] {
        var tokens = tokens
        for _ in 0..<edits {
            let fresh =
                isChinese
                ? String(Self.hanzi.randomElement(using: &generator)!) : Self.zipfWord(vocabulary, using: &generator)
            let position = Int.random(in: 0..<tokens.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: tokens[position] = fresh
            case 1: tokens.insert(fresh, at: position)
            case 2: if tokens.count > 2 { tokens.remove(at: position) }
            default: tokens.swapAt(position, Int.random(in: 0..<tokens.count, using: &generator))
            }
        }
        return tokens
    }

    /// Case, punctuation and spacing changes, which must not matter.
    static func decorate(_ text: String, using generator: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: text.uppercased() + "!"
        case 1: "  " + text.replacingOccurrences(of: " ", with: ", ") + "?"
        case 2: text + "。"
        default: text
        }
    }

    static func join(_ tokens: [String], isChinese: Bool) -> String {
        isChinese ? tokens.joined() : tokens.joined(separator: " ")
    }

    static func pseudoWord(using generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 1...3, using: &generator)).map { _ in syllables.randomElement(using: &generator)! }.joined()
    }

    /// Word i with probability about 1/i: a few words are everywhere, as in real prompts.
    static func zipfWord(_ vocabulary: [String], using generator: inout SeededGenerator) -> String {
        let u = Double.random(in: 0..<1, using: &generator)
        return vocabulary[min(vocabulary.count - 1, Int(pow(Double(vocabulary.count), u)) - 1)]
    }

    /// Each text's full shingle set, sorted.
    var shingleSets: [[UInt32]] {
        texts.map { text in
            var bytes: [UInt8] = []
            TextNormalizer.append(text, to: &bytes)
            return Shingler.shingleSet(of: bytes)
        }
    }
}

@Suite("Near-duplicate finder")
struct NearDuplicateFinderTests {
    static func jaccard(_ a: [UInt32], _ b: [UInt32]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var (i, j, shared) = (0, 0, 0)
                while i < a.count, j < b.count {
                    if a[i] < b[j] {
                        i += 1
                    } else if b[j] < a[i] {
                        j += 1
                    } else {
                        shared += 1
                        i += 1
                        j += 1
                    }
                }
                return Double(shared) / Double(a.count + b.count - shared)
            }
        }
    }

    static let prompts = GeneratedPrompts(seed: 20_261_122, bases: 700, unrelated: 800)

    /// At the default threshold (0.8), and at others, whose band layouts differ.
    @Test(arguments: [RuleSettings().nearDuplicateThreshold, 0.7, 0.9])
    func findsWhatBruteForceFinds(threshold: Double) {
        let sets = Self.prompts.shingleSets
        #expect(sets.count > 2500)

        // Brute force: the exact Jaccard of every pair. Sets whose sizes differ by more than the threshold allows
        // can't reach it (|A ∩ B| / |A ∪ B| ≤ min / max), so they are skipped without changing the answer.
        let bySize = sets.indices.sorted { sets[$0].count < sets[$1].count }
        var truth: Set<[Int]> = []
        for (n, i) in bySize.enumerated() {
            for j in bySize[(n + 1)...] {
                guard Double(sets[i].count) >= threshold * Double(sets[j].count) else { break }
                if !sets[i].isEmpty, Self.jaccard(sets[i], sets[j]) >= threshold - 1e-9 {
                    truth.insert([min(i, j), max(i, j)])
                }
            }
        }

        var store = SketchStore()
        for set in sets { store.append(BottomKSketch.sketch(of: set)) }
        let items = (0..<sets.count).map { Int32($0) }
        let found = Set(
            NearDuplicateFinder(threshold: threshold).verifiedPairs(items, in: store).map { [$0.earlier, $0.later] })

        let hits = truth.intersection(found).count
        let recall = Double(hits) / Double(truth.count)
        let precision = Double(hits) / Double(found.count)
        #expect(truth.count > 500, "too few near-duplicate pairs to measure: \(truth.count)")
        #expect(recall >= 0.95, "recall \(recall): \(hits) of \(truth.count) pairs")
        #expect(precision >= 0.95, "precision \(precision): \(hits) of \(found.count) pairs")
        print(
            "near-duplicate finder: \(sets.count) prompts, \(truth.count) pairs at ≥ \(threshold), "
                + "recall \(recall), precision \(precision)"
        )
    }

    @Test func fiftyParaphrasesAreOneGroup() {
        var generator = SeededGenerator(seed: 9)
        let base =
            "write a detailed lesson plan about the water cycle for a class of ten year old students"
            .split(separator: " ").map(String.init)
        var store = SketchStore()
        for _ in 0..<50 {
            var words = base
            words[Int.random(in: 0..<words.count, using: &generator)] =
                "w\(Int.random(in: 0..<1000, using: &generator))"
            var bytes: [UInt8] = []
            TextNormalizer.append(words.joined(separator: " "), to: &bytes)
            store.append(BottomKSketch.sketch(of: bytes))
        }
        store.append(BottomKSketch.sketch(of: Array("an unrelated prompt about cooking rice".utf8)))
        var links = NearDuplicateFinder(threshold: 0.8).link((0..<51).map { Int32($0) }, in: store)
        let groups = links.groups()
        #expect(groups.count == 1)
        #expect(groups.first?.count == 50)
    }
}
