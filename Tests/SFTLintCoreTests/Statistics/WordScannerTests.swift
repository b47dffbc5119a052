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
