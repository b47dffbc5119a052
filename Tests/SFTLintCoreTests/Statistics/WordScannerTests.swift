import Testing

@testable import SFTLintCore

/// The word scanner, written for speed, against the token estimate's rule applied a scalar at a time: on random
/// texts of English, Chinese, code, numbers, other scripts and emoji, both must find the same length and the same
/// words (the same word twice gets the same hash; different words, different hashes).
@Suite("Word scanner")
struct WordScannerTests {
    /// One run of the rule: its tokens, and its word (the unit distinct-n counts), if it is one.
    struct Unit {
        var tokens: Int
        var word: String?
    }

    enum Kind: Equatable {
        case letter, digit, space, lineBreak, punctuation, otherLetter
    }

    static func kind(_ scalar: Unicode.Scalar) -> Kind? {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: return .letter
        case 0x30...0x39: return .digit
        case 0x20, 0x09: return .space
        case 0x0A, 0x0D: return .lineBreak
        case 0..<0x80: return .punctuation
        default:
            guard let script = Script.ofLetter(scalar.value), !script.isCJK else { return nil }
            return .otherLetter
        }
    }

    /// The rule as `TokenEstimate` documents it, one scalar at a time.
    static func reference(_ text: String) -> (length: TextLength, words: [String]) {
        var units: [Unit] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard let kind = kind(scalars[i]) else {
                // A CJK letter is a word of its own; any other scalar is a token and no word.
                let isCJK = Script.ofLetter(scalars[i].value)?.isCJK ?? false
                units.append(Unit(tokens: 1, word: isCJK ? String(scalars[i]) : nil))
                i += 1
                continue
            }
            var end = i + 1
            while end < scalars.count && Self.kind(scalars[end]) == kind { end += 1 }
            let run = end - i
            let text = String(String.UnicodeScalarView(scalars[i..<end]))
            switch kind {
            case .letter: units.append(Unit(tokens: run <= 7 ? 1 : (run + 3) / 4, word: text.lowercased()))
            case .digit: units.append(Unit(tokens: (run + 2) / 3, word: text))
            case .space: units.append(Unit(tokens: run > 1 ? 1 : 0, word: nil))
            case .lineBreak: units.append(Unit(tokens: 1, word: nil))
            case .punctuation: units.append(Unit(tokens: (run + 1) / 2, word: nil))
            case .otherLetter: units.append(Unit(tokens: (run + 2) / 3, word: "~" + text))
            }
            i = end
        }
        let tokens = units.reduce(0) { $0 + $1.tokens }
        return (TextLength(scalars: scalars.count, tokens: tokens), units.compactMap(\.word))
    }

    static let fragments = [
        "a", "I", "Sure", "sure", "SURE", "cat", "understanding", "internationalization", "abcdefgh", "abcdefg",
        " ", " ", " ", "  ", "\t", " \t", "\n", "\r\n", "\n\n", ",", ".", ");", "**", "'", "-", "\u{1}",
        "1", "42", "2024", "3.14159", "你", "好", "你好", "世界", "，", "。", "こんにちは", "한국어", "é", "café",
        "Привет", "мир", "👍", "👍🏽", "—", "“", "ß", "\u{301}",
    ]

    @Test func matchesTheRuleOnRandomTexts() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<3000 {
            let count = Int.random(in: 0...80, using: &generator)
            let text = (0..<count).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
            var hashes: [UInt64] = []
            let length = text.withUTF8Buffer { TokenEstimate.scan($0) { hashes.append($0) } }
            let expected = Self.reference(text)
            #expect(length == expected.length, "\(text.debugDescription)")
            #expect(hashes.count == expected.words.count, "\(text.debugDescription)")
            guard hashes.count == expected.words.count else { continue }
            // The same word, the same hash; different words, different hashes.
            var byWord: [String: UInt64] = [:]
            for (word, hash) in zip(expected.words, hashes) {
                #expect(byWord[word, default: hash] == hash, "\(word) in \(text.debugDescription)")
                byWord[word] = hash
            }
            #expect(Set(byWord.values).count == byWord.count, "\(text.debugDescription)")
        }
    }

    @Test func handsOutWordsABufferAtATime() {
        // 300 words ("word3x" is a word, a number and a word) through a buffer of 7: every word once, in order.
        let text = (0..<100).map { "word\($0 % 13)x" }.joined(separator: " ")
        var all: [UInt64] = []
        _ = text.withUTF8Buffer { TokenEstimate.scan($0) { all.append($0) } }
        var pieces: [UInt64] = []
        let length = text.withUTF8Buffer { bytes in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 7) { buffer in
                var scanner = WordScanner(bytes)
                repeat {
                    let count = scanner.scan(into: buffer)
                    #expect(count <= 7)
                    pieces += buffer[0..<count]
                } while !scanner.isAtEnd
                return scanner.length
            }
        }
        #expect(pieces == all)
        #expect(all.count == 300)
        #expect(length == TokenEstimate.length(of: text))
    }
}

/// The n-gram counters over texts whose n-grams differ only in order or in where a text ends.
@Suite("N-gram diversity")
struct NGramDiversityTests {
    static func diversity(_ texts: [String], chunk: Int = SampleProfile.wordChunk) -> NGramDiversity {
        var diversity = NGramDiversity()
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 3 * chunk) { buffer in
            let words = UnsafeMutableBufferPointer(rebasing: buffer[0..<chunk])
            let scratch = UnsafeMutableBufferPointer(rebasing: buffer[chunk...])
            for text in texts {
                text.withUTF8Buffer { bytes in
                    var scanner = WordScanner(bytes)
                    repeat {
                        let count = scanner.scan(into: words)
                        diversity.add(words: UnsafeMutableBufferPointer(rebasing: words[0..<count]), scratch: scratch)
                    } while !scanner.isAtEnd
                }
                diversity.endText()
            }
        }
        return diversity
    }

    @Test func orderMattersAndNGramsStayInTheirText() {
        // "a b c" and "b a c": 3 words, bigrams ab, bc, ba, ac, trigrams abc, bac. "c a" then "b": ca, and no
        // bigram "a b" across the two texts.
        let counted = Self.diversity(["a b c", "b a c", "c a", "b"])
        #expect(counted.unigrams.estimate == 3)
        #expect(counted.bigrams.estimate == 5)
        #expect(counted.trigrams.estimate == 2)
        #expect(counted.totals == [9, 5, 2])
    }

    @Test func chunksOfAnySizeCountTheSame() {
        // Texts longer than a chunk continue their n-grams across chunks.
        let texts = (0..<40).map { i in (0..<(i * 7 % 97)).map { "w\($0 % 11) 词\($0 % 5)" }.joined(separator: " ") }
        let whole = Self.diversity(texts, chunk: 1000)
        for chunk in [1, 2, 3, 42] {
            let chunked = Self.diversity(texts, chunk: chunk)
            #expect(chunked.totals == whole.totals)
            #expect(chunked.distinct.map(\.estimate) == whole.distinct.map(\.estimate), "chunk \(chunk)")
        }
    }
}
