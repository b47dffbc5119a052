import Foundation
import Testing

@testable import SFTLintCore

@Suite("Text normaliser")
struct TextNormalizerTests {
    @Test(arguments: [
        ("  Hello,\t\n  World!  ", "hello, world!"),
        ("ＡＢＣ１２３，？！", "abc123,?!"),  // full-width forms are ASCII under NFKC
        ("你好\u{3000}世界", "你好 世界"),  // the ideographic space is a space
        ("Straße", "strasse"),  // full case folding, not lowercasing
        ("ΣΊΣΥΦΟΣ σίσυφος", "σίσυφοσ σίσυφοσ"),  // final sigma folds
        ("ПРИВЕТ Мир", "привет мир"),
        ("e\u{301}", "é"),  // composed
        ("ﬁne ①", "fine 1"),  // compatibility mappings
        ("ｶﾞ", "ガ"),  // half-width kana with its voicing mark
        ("Ünïcödé", "ünïcödé"),
        ("a\u{00A0}b\u{2003}c", "a b c"),
        ("😀 Hi", "😀 hi"),
        ("", ""),
        (" \n\t ", ""),
    ])
    func normalises(_ input: String, _ expected: String) {
        #expect(TextNormalizer.normalize(input) == expected)
    }

    @Test func fastPathAgreesWithFoundationForEveryCharacterItHandles() {
        // The fast path's table must say exactly what NFKC and case folding do; checked character by character.
        var checked = 0
        for value in UInt32(0x80)...0xFFFF {
            let treatment = TextNormalizer.treatment(of: value, isFolded: false)
            guard treatment != .slow, let scalar = Unicode.Scalar(value) else { continue }
            let reference = String(scalar).precomposedStringWithCompatibilityMapping
                .folding(options: .caseInsensitive, locale: nil)
            switch treatment {
            case .keep:
                #expect(reference == String(scalar), "U+\(String(value, radix: 16)) should be kept")
            case .replace(let replacement):
                #expect(reference == String(replacement), "U+\(String(value, radix: 16)) → \(replacement)")
            case .whitespace:
                let isWhitespace = reference.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
                #expect(isWhitespace, "U+\(String(value, radix: 16))")
            case .slow:
                break
            }
            checked += 1
        }
        #expect(checked > 30_000)
    }

    @Test func asciiBlocksMatchTheByteByByteRules() {
        // Random ASCII with runs of spaces, tabs, newlines and capitals at every offset: what the eight-byte path
        // copies must equal lowercasing and collapsing whitespace.
        var generator = SeededGenerator(seed: 8)
        let alphabet =
            Array("aB z\t\nQ.1 \r  Zy-") + Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,;!")
        for _ in 0..<3000 {
            let text = String(
                (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            // Over bytes: in Swift "\r\n" is one Character, which `split` wouldn't see as whitespace.
            let words = text.lowercased().utf8.split { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
            let expected = words.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
            #expect(TextNormalizer.normalize(text) == expected, "\(Array(text.utf8))")
        }
    }

    @Test func slowPathTextMatchesFoundation() {
        for text in ["Crème BRÛLÉE", "Ǆemal", "Ⅻ ㈱ ㎏", "İstanbul", "ﾊﾟﾝ"] {
            let reference = text.precomposedStringWithCompatibilityMapping
                .folding(options: .caseInsensitive, locale: nil)
            #expect(TextNormalizer.normalize(text) == reference)
        }
    }
}
