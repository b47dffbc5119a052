import Foundation
import Testing

@testable import SFTLintCore

/// The literal a regex rule looks for before running its regex: right where found, absent where unsure.
@Suite("Required literals")
struct RequiredLiteralTests {
    @Test(arguments: [
        (#"https?://intra\."#, "://intra."),
        ("TODO", "TODO"),
        ("机密文件", "机密文件"),
        (#"\bapi[_-]?key\s*=\s*\w+"#, "api"),
        ("lorem ipsum+", "lorem ipsum"),
        ("colou?r", "colo"),
        ("ab{2}cd", "cd"),
        (#"\d+ dollars\.?"#, " dollars"),
        ("x(hidden)yz", "yz"),
        ("[]]abc", "abc"),
        (#"[\]x]abc"#, "abc"),
        ("^Answer:$", "Answer:"),
    ])
    func findsTheLongestRequiredRun(pattern: String, literal: String) throws {
        #expect(RequiredLiteral(pattern: pattern).map { String(decoding: $0.bytes, as: UTF8.self) } == literal)
    }

    @Test(arguments: [
        "cat|dog", "(?i)secret", #"\Qa.b\E"#, #"\u0041BC"#, #"\x41BC"#, #"\p{Han}+"#, #"(a)\1bc"#,
        "[[a-z]&&[^b]]xyz", "a", ".*", "(abc)",
    ])
    func givesUpWhenUnsure(pattern: String) {
        #expect(RequiredLiteral(pattern: pattern) == nil)
    }

    /// Whatever the literal, it must never hide a match: a text the regex matches contains it.
    @Test func neverHidesAMatch() throws {
        let patterns = [
            #"https?://intra\."#, "colou?r", "ab{0,2}cd", #"\d+ dollars\.?"#, "x(hidden)?yz", "^Answer:$",
            "lorem ipsum+", #"api[_-]?key\s*="#, "机密文件", "a+?bc", #"\$\{name\}"#, "x.\u{301}yz",
        ]
        let texts = [
            "see http://intra.corp", "https://intra.x", "color", "colour", "acd", "abbcd", "3 dollars", "4 dollars.",
            "xyz", "xhiddenyz", "Answer:", "lorem ipsummm", "apikey =", "api_key=", "这是机密文件", "abc", "aaabc",
            "${name}", "x\u{65}\u{301}yz", "nothing at all", "",
        ]
        for pattern in patterns {
            let regex = try NSRegularExpression(pattern: pattern)
            let literal = RequiredLiteral(pattern: pattern)
            for text in texts {
                let range = NSRange(text.startIndex..<text.endIndex, in: text)
                guard regex.firstMatch(in: text, range: range) != nil else { continue }
                #expect(literal?.isFound(in: text) ?? true, "/\(pattern)/ matches \"\(text)\" without its literal")
            }
        }
    }

    @Test func searchesBytes() throws {
        let literal = try #require(RequiredLiteral(pattern: "abab"))
        #expect(literal.isFound(in: "aababab"))
        #expect(literal.isFound(in: "abab"))
        #expect(!literal.isFound(in: "aba"))
        #expect(!literal.isFound(in: "abaXbab"))
    }
}
