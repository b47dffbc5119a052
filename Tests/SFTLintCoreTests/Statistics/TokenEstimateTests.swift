import Testing

@testable import SFTLintCore

/// The token estimate's rule, applied by hand to short texts: each expectation spells out its runs.
@Suite("Token estimate")
struct TokenEstimateTests {
    @Test(arguments: [
        // Hello , world ! → 1 + 1 + 1 + 1; the single space is free.
        ("Hello, world!", 13, 4),
        // 13 letters: one token per 4 → 4.
        ("understanding", 13, 4),
        // "The cat sat." → 3 words + 1.
        ("The cat sat.", 12, 4),
        // Digits in threes: 12345 → 2; 3 . 14159 → 1 + 1 + 2.
        ("12345", 5, 2),
        ("3.14159", 7, 4),
        // Code: indentation run 1, return 1, x 1, ");" 1, line break 1.
        ("    return f(x);\n", 17, 7),
        // Cyrillic words: one token per 3 letters → 2 + 1.
        ("Привет мир", 10, 3),
        // An emoji is one scalar and one token.
        ("👍", 1, 1),
    ])
    func english(text: String, scalars: Int, tokens: Int) {
        #expect(TokenEstimate.length(of: text) == TextLength(scalars: scalars, tokens: tokens))
    }

    @Test(arguments: [
        // Each CJK character and each full-width punctuation mark is one token.
        ("你好，世界！", 6, 6),
        ("春眠不觉晓", 5, 5),
        // Mixed: 使 用 (2) Python (1) 的 (1) list (1) 推 导 式 (3); spaces free.
        ("使用 Python 的 list 推导式", 20, 8),
        // Japanese kana count like Han.
        ("こんにちは", 5, 5),
    ])
    func chinese(text: String, scalars: Int, tokens: Int) {
        #expect(TokenEstimate.length(of: text) == TextLength(scalars: scalars, tokens: tokens))
    }

    @Test func scalarsAreUnicodeScalarsNotGraphemes() {
        let text = "e\u{301}👍🏽 ok"
        #expect(TokenEstimate.length(of: text).scalars == text.unicodeScalars.count)
    }

    @Test func wordsAreHashedCaseInsensitivelyAndInOrder() {
        var words: [UInt64] = []
        _ = "Sure sure SURE 12 好".withUTF8Buffer { TokenEstimate.scan($0) { words.append($0) } }
        #expect(words.count == 5)
        #expect(words[0] == words[1] && words[1] == words[2])
        #expect(Set(words).count == 3)
    }
}
