import Testing

@testable import SFTLintCore

/// The vector searches must find exactly what a byte-by-byte search finds: at every length (the last block of
/// a text overlaps the one before), from every start, in any window.
@Suite("Byte scans")
struct ByteScanTests {
    /// Deterministic texts mixing prose, the bytes searched for and multi-byte characters.
    static func texts() -> [[UInt8]] {
        var generator = SystemRandomNumberGenerator.Seeded(seed: 2026)
        let pieces = [
            "a", "b", " ", "<", "[", "{", "`", "~", "(", "\"", "\n", "中", "。", "I", "A", "|>", "<|", "é", "😀", "&",
            "\r", "\t", "\u{01}", "\u{7F}", "\u{1B}",
        ]
        return (0..<400).map { n in
            var text = ""
            for _ in 0..<(n % 97) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            return Array(text.utf8)
        }
    }

    @Test func byteSetFindsWhatALoopFinds() {
        let sets: [[UInt8]] = [
            [0x3C], [0x3C, 0x5B], [0x3C, 0x5B, 0x7B], [0x0A, 0x60, 0x7E, 0x28], [0x41, 0x49, 0x6B, 0x88, 0xB8],
            [0x41, 0x49, 0x3C, 0x5B, 0x7B, 0x22], [0x41, 0x49, 0x3C, 0x5B, 0x7B, 0x22, 0x0A, 0x28],
        ]
        for members in sets {
            let set = ByteSet(members)
            for text in Self.texts() {
                text.withUnsafeBufferPointer { bytes in
                    for (start, end) in [
                        (0, bytes.count), (bytes.count / 3, bytes.count), (1, max(1, bytes.count - 5)),
                    ] {
                        var found: [Int] = []
                        set.forEachOffset(in: bytes, from: start, to: end) {
                            found.append($0)
                            return true
                        }
                        let expected = (start..<max(start, end)).filter { members.contains(bytes[$0]) }
                        #expect(found == expected, "members \(members), \(bytes.count) bytes, \(start)..<\(end)")
                    }
                }
            }
        }
    }

    @Test func byteSetStopsWhenAsked() {
        let text = Array("a<b<c<d".utf8)
        text.withUnsafeBufferPointer { bytes in
            var found: [Int] = []
            ByteSet([0x3C]).forEachOffset(in: bytes) {
                found.append($0)
                return found.count < 2
            }
            #expect(found == [1, 3])
        }
    }

    @Test func phraseSetFindsEveryOccurrence() {
        let phrases = ["<|", "|>", "中。", "Ia", "A", "<[", "~~", "é😀"]
        let set = PhraseSet(phrases)
        for text in Self.texts() {
            text.withUnsafeBufferPointer { bytes in
                var found: [String] = []
                set.forEachMatch(in: bytes) { index, range in
                    found.append("\(range.lowerBound):\(phrases[index])")
                    return true
                }
                var expected: [String] = []
                for (index, phrase) in phrases.enumerated() {
                    let needle = Array(phrase.utf8)
                    for start in 0..<max(0, bytes.count - needle.count + 1)
                    where Array(bytes[start..<start + needle.count]) == needle {
                        expected.append("\(start):\(phrases[index])")
                    }
                }
                #expect(Set(found) == Set(expected))
                #expect(found.count == expected.count)
            }
        }
    }

    @Test func lastOffsetFindsTheLastByte() {
        for text in Self.texts() {
            text.withUnsafeBufferPointer { bytes in
                for end in [bytes.count, bytes.count / 2] {
                    #expect(
                        VectorScan.lastOffset(of: 0x0A, in: bytes, before: end) == bytes[..<end].lastIndex(of: 0x0A))
                }
            }
        }
    }

    @Test func marksAreTheMarksOfEachByte() {
        for text in Self.texts() {
            let string = String(decoding: text, as: UTF8.self)
            var expected: TextMarks = []
            for byte in string.utf8 {
                switch byte {
                case 0x3C: expected.insert(.angle)
                case 0x5B, 0x7B: expected.insert(.squareOrBrace)
                case 0x60, 0x40: expected.insert(.backtick)
                case 0x7E, 0x5E: expected.insert(.tilde)
                case 0x28: expected.insert(.parenthesis)
                case 0x22: expected.insert(.quote)
                case 0x26: expected.insert(.ampersand)
                case 0x0A: expected.insert(.newline)
                case 0x0D: expected.insert(.carriageReturn)
                case 0x09: break
                case 0x00..<0x20, 0x7F: expected.insert(.control)
                case 0x80...: expected.insert(.nonASCII)
                default: break
                }
            }
            #expect(TextMarks(string) == expected, "\(string)")
        }
    }

    @Test func aTurnsMarksFollowItsText() {
        let source = RecordSource(
            file: InputFile(path: "x.jsonl", index: 0), index: 0, line: 1, column: 1, bytes: [], document: nil)
        var turn = Turn(
            role: .assistant, tag: "output", text: "plain", segments: [], pointer: "/output", isListItem: false,
            isToolCall: false, offset: 0, source: source)
        #expect(turn.marks.isEmpty)
        turn.text = "<|im_end|>"
        #expect(turn.marks == [.angle])
    }
}

@Suite("Special tokens")
struct SpecialTokensTests {
    func tokens(in text: String, extra: [String] = []) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var found: [String] = []
            SpecialTokens(extra: extra).forEachMatch(in: buffer) { match in
                found.append(String(decoding: bytes[match.range], as: UTF8.self))
                return true
            }
            return found
        }
    }

    @Test func listedTokensAndShapes() {
        #expect(
            tokens(in: "a<|im_end|>b</s><s>[INST]x[/INST]<<SYS>>") == [
                "<|im_end|>", "</s>", "<s>", "[INST]", "[/INST]", "<<SYS>>",
            ])
        #expect(
            tokens(in: "<|reserved_special_token_7|> and <｜end▁of▁sentence｜>") == [
                "<|reserved_special_token_7|>", "<｜end▁of▁sentence｜>",
            ])
        #expect(tokens(in: "x <|> y, f <| x |> g, a<b, [1, 2], <｜ no") == [])
        #expect(tokens(in: "stop ###END### now", extra: ["###END###"]) == ["###END###"])
    }

    @Test func tokenEndingAtAnOffset() {
        let bytes = Array("Hello<|im_end|>".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let match = SpecialTokens().token(endingAt: buffer.count, in: buffer)
            #expect(match?.range == 5..<buffer.count)
            #expect(match?.kind.isEnd == true)
            #expect(SpecialTokens().token(endingAt: 5, in: buffer) == nil)
        }
    }
}

extension SystemRandomNumberGenerator {
    /// A small deterministic generator (SplitMix64) for test data.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
