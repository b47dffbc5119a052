import Testing

@testable import SFTLintCore

/// Openings key their words with `TokenEstimate.wordHash`, read from one 8-byte load when they can: both ways
/// must give the same key, or a word would count as two openings depending on where it stands.
@Suite("Text openings")
struct TextOpeningTests {
    @Test func wordHashFromOneLoadIsTheWordHashWhereverTheWordStands() {
        let text = Array("Sure! Here's 12 ways 写诗 to go: a bb ccc dddd eeeee ffffff ggggggg hhhhhhhh iiiiiiiii".utf8)
        text.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            for start in 0..<text.count {
                for end in start...min(text.count, start + 12) {
                    for fold: UInt8 in [0, 0x20] {
                        let fast = TextOpening.wordHash(base, start..<end, count: text.count, fold: fold)
                        let reference = TokenEstimate.wordHash(base + start, end - start, fold: fold)
                        #expect(fast == reference, "bytes \(start)..<\(end), fold \(fold)")
                    }
                }
            }
        }
    }

    @Test func openingsReadTheirWordsAndTellWhetherMoreFollow() {
        func response(_ text: String) -> (text: String, continues: Bool)? {
            var text = text
            return text.withUTF8 { bytes in
                TextOpening.response(bytes).map { (TextOpening.display($0.bytes(in: bytes), lowercased: false), $0.continues) }
            }
        }
        #expect(response("Sure!  Here's   the plan for today.")! == ("Sure! Here's the plan for", true))
        #expect(response("One two three four five")! == ("One two three four five", false))
        #expect(response("One two three four five.")! == ("One two three four five", false))
        #expect(response("One two three four five 六")! == ("One two three four five", true))
        #expect(response("很高兴为您解答这个问题。")! == ("很高兴为您解答这", true))
        #expect(response("...") == nil)
    }
}
