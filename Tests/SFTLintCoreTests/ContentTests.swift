import Foundation
import Testing

@testable import SFTLintCore

/// The text utilities of the content rules: byte scanning, script weighing, cues, loop finding.
@Suite("Content text utilities")
struct ContentTextTests {
    /// A class with an ASCII byte, a range and a non-ASCII lead, to test the vector scan against a plain loop.
    enum Probe: ByteClass {
        static func matches(_ bytes: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
            bytes.lanes(equalTo: 0x26) .| bytes.lanes(from: 0x00, span: 0x08) .| bytes.lanes(equalTo: 0xE2)
        }
        static func contains(_ byte: UInt8) -> Bool { byte == 0x26 || byte <= 0x08 || byte == 0xE2 }
    }

    @Test func vectorScanFindsWhatALoopFinds() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 15, 16, 31, 32, 33, 63, 64, 65, 100, 257] {
            for _ in 0..<40 {
                let bytes = (0..<length).map { _ -> UInt8 in
                    Int.random(in: 0..<20, using: &generator) == 0
                        ? [0x26, 0x03, 0xE2].randomElement(using: &generator) ?? 0x26
                        : UInt8.random(in: 0x20...0x7E, using: &generator)
                }
                bytes.withUnsafeBufferPointer { buffer in
                    for start in [0, 1, length / 2, max(length - 1, 0), length] {
                        let expected = bytes.indices.first { $0 >= start && Probe.contains(bytes[$0]) } ?? length
                        #expect(UTF8Scan.firstOffset(Probe.self, in: buffer, from: start) == expected)
                    }
                }
            }
        }
    }

    @Test func scriptsAreWeighedInWords() {
        let mixed = ScriptWords("使用 Python 的 list 推导式。")
        #expect(mixed[.han] == 6)
        #expect(mixed[.latin] == 2)
        #expect(mixed.main?.script == .han)
        let english = ScriptWords("See https://example.com/a-b and www.test.org, it's fine.")
        #expect(english[.latin] == 4)
        #expect(ScriptWords("これは日本語の文です。").main?.script == .kana)
        #expect(ScriptWords("日本流行音乐艺术家：宇多田光 (Utada)、椎名林檎").main?.script == .han)
        #expect(ScriptWords("Привет, мир").main?.script == .cyrillic)
        #expect(ScriptWords("2 + 2 = 4").main == nil)
        // Long runs of ideographs are counted sixteen bytes at a time; every offset of the run's end must count.
        for pad in 0..<4 {
            let text =
                String(repeating: "x", count: pad) + String(repeating: "中文测试文本", count: 20) + "，English words。"
                + String(repeating: "汉字", count: 30) + "é"
            let words = ScriptWords(text)
            #expect(words[.han] == 180 && words[.latin] == (pad > 0 ? 4 : 3), "pad \(pad)")
            #expect(words.total == WordCount.of(text))
        }
        let tie = ScriptWords("ab cd 中文")
        #expect(tie.main?.script == .latin && tie.main?.share == 0.5)
    }

    @Test func byteTalliesCountAsWordCountDoes() {
        let texts = [
            "Hello, world! It's 2026.", "你好，世界", "用Python写代码", "café au lait — très bon", "Ζωή και χαρά",
            "a→b", "It’s fine", "", "   ", "😀 ok", "第1名", "한국어 텍스트",
        ]
        for text in texts {
            let tally = Array(text.utf8).withUnsafeBufferPointer { WordCount.tally($0) }
            #expect(tally.words + tally.characters == WordCount.of(text), "\(text)")
            let quick = Array(text.utf8).withUnsafeBufferPointer { WordCount.quickWeight($0, upTo: .max) }
            #expect(quick <= 2 * tally.words + tally.characters, "\(text)")
        }
        let stopped = Array("one two three four".utf8).withUnsafeBufferPointer { WordCount.tally($0, upTo: 4) }
        #expect(stopped.words == 2 && stopped.start == 0)
    }

    @Test func cuesMatchWordStartsInAnyCaseAndChineseAnywhere() {
        let cues = PromptCues(["translat", "css$", "in english", "翻译"])
        #expect(cues.firstMatch(in: "Please TRANSLATE this") == "translat")
        #expect(cues.firstMatch(in: "a mistranslated word") == nil)
        #expect(cues.firstMatch(in: "Style it with CSS.") == "css")
        #expect(cues.firstMatch(in: "the cssr file") == nil)
        #expect(cues.firstMatch(in: "Answer In English, please") == "in english")
        #expect(cues.firstMatch(in: "请把它翻译成中文") == "翻译")
        #expect(cues.firstMatch(in: "") == nil)
    }

    func firstRun(_ text: String) -> (unit: String, copies: Int, second: String)? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            RepeatedRun.first(in: buffer).map { run in
                (
                    String(decoding: bytes[run.unit], as: UTF8.self).trimmingCharacters(in: .whitespaces), run.copies,
                    String(decoding: bytes[run.repeatStart...].prefix(8), as: UTF8.self)
                )
            }
        }
    }

    @Test func loopsAreFoundByTokensWhateverThePunctuationAndCase() {
        let english = firstRun("Well. No, no. I'm sorry! I'm sorry! I'm sorry! I'm sorry! I'm sorry! I'm sorry! Bye.")
        #expect(english?.unit == "I'm sorry!")
        #expect(english?.copies == 6)
        #expect(english?.second == "I'm sorr")
        #expect(firstRun("Thank you thank you thank you thank you thank you thank you THANK YOU")?.copies == 7)
        #expect(firstRun("好的好的好的好的好的好的好的好的")?.unit == "好的")
        #expect(firstRun(String(repeating: "哈", count: 10))?.copies == 10)
    }

    @Test func refrainsNumbersAndTablesAreNotLoops() {
        #expect(firstRun("Let it be, let it be, let it be, let it be.") == nil)
        #expect(firstRun(String(repeating: "哈", count: 9)) == nil)
        #expect(firstRun("[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]") == nil)
        let table = (0..<6).map { _ in "| Yes | Yes | Yes | Yes | Yes | Yes |" }.joined(separator: "\n")
        #expect(firstRun(table) == nil)
        #expect(firstRun("The cat sat on the mat. The dog sat on the log. The bird sat on the wire.") == nil)
    }

    /// The sieve may let normal text through to the exact search, but must not stop the loops it documents.
    @Test func theSieveLetsEveryDocumentedLoopThrough() {
        let loops = [
            "I'm sorry, I cannot do that. I'm sorry, I cannot do that. I'm sorry, I cannot do that.",
            "这是一个很好的问题。这是一个很好的问题。这是一个很好的问题。",
            "- Apple pie recipe\n- Apple pie recipe\n- Apple pie recipe\n- Apple pie recipe\n- Apple pie recipe",
            "Ha ha ha ha ha ha ha ha ha ha ha ha",
            "好的好的好的好的好的好的好的好的",
            "The answer is simple and the the the the the the the the the the the the",
            "Intro.\nThe end is near.\nThe end is near.\nThe end is near.\nThe end is near.",
            "One, two. Thank you so much thank you so much thank you so much thank you so much",
        ]
        for text in loops {
            #expect(Array(text.utf8).withUnsafeBufferPointer(RepetitionSieve.mayLoop), "\(text)")
            #expect(firstRun(text) != nil, "\(text)")
        }
        let prose = [
            "Rainbows form when sunlight enters raindrops, bends, reflects inside them and bends again on the way out.",
            "春天来了，花开了。小草从地里钻出来，树木长出了新的叶子。",
            "1. Preheat the oven.\n2. Mix the flour and sugar.\n3. Bake for twenty minutes.",
        ]
        for text in prose {
            #expect(!Array(text.utf8).withUnsafeBufferPointer(RepetitionSieve.mayLoop), "\(text)")
        }
    }

    /// The search reads a text's first `tokenLimit` tokens: a longer loop is reported as "at least" that many
    /// copies, not as exactly as many as were read.
    @Test func aLoopPastTheTokenLimitIsCountedAsAtLeast() throws {
        let limit = RepeatedRun.tokenLimit
        let output = String(repeating: "word ", count: limit + 1000) + "end."
        let line = #"{"instruction": "Write.", "output": "\#(output)"}"#
        let report = try LintHarness.lint(line + "\n", checks: [RepeatedTextCheck()])
        #expect(report.findings.map(\.message) == ["\"word\" repeats at least \(limit) times in a row (only a text's first \(limit) words are searched)"])
        let short = try LintHarness.lint(
            #"{"instruction": "Write.", "output": "\#(String(repeating: "word ", count: 20))"}"# + "\n",
            checks: [RepeatedTextCheck()])
        #expect(short.findings.map(\.message) == ["\"word\" repeats 20 times in a row"])
    }

    /// A model that loops for a while and then recovers writes the loop inside one long clause that ends on other
    /// words: the clause's end does not repeat, its middle does.
    @Test func theSieveLetsALoopInsideALongClauseThrough() {
        let loops = [
            String(repeating: "I think that ", count: 30) + "it was fine.",
            "Once upon a time, " + String(repeating: "the cat sat on the mat and ", count: 15) + "then it slept.",
            "从前，" + String(repeating: "小猫坐在垫子上然后", count: 15) + "它睡着了。",
            "The answer is " + String(repeating: "very ", count: 200) + "good. Thanks for asking.",
        ]
        for text in loops {
            #expect(Array(text.utf8).withUnsafeBufferPointer(RepetitionSieve.mayLoop), "\(text)")
            #expect(firstRun(text) != nil, "\(text)")
        }
        let prose = [
            "When the committee met on Tuesday to review the budget for the coming year, the members agreed that the "
                + "new library should open before the schools return, and that the old one should stay open until then",
            "在这个快速发展的时代，人们越来越重视健康的生活方式，许多人开始每天锻炼身体，注意饮食的均衡，并且保证充足的睡眠，"
                + "以便在繁忙的工作和学习中保持良好的精神状态",
        ]
        for text in prose {
            #expect(!Array(text.utf8).withUnsafeBufferPointer(RepetitionSieve.mayLoop), "\(text)")
        }
    }
}

@Suite("Content rules")
struct ContentRuleTests {
    @Test func mojibakeDecodesToWhatWasMeant() throws {
        let line = #"{"instruction": "Hi", "output": "Ã© â€™ æ˜¯ ðŸ˜€ â€\u009d"}"#
        let report = try LintHarness.lint(line + "\n", checks: [EncodingArtifactCheck()])
        #expect(
            report.findings.map(\.message) == [#"mojibake "Ã©": UTF-8 for "é" read as Windows-1252; 5 in this text"#])
        let each = ["Ã©": "é", "â€™": "’", "æ˜¯": "是", "ðŸ˜€": "😀", "â€\u{9D}": "”"]
        for (seen, meant) in each {
            let bytes = Array(seen.utf8)
            let lead = UInt8(seen.unicodeScalars.first?.value ?? 0)
            let range = bytes.withUnsafeBufferPointer { Mojibake.end(in: $0, leadAt: 0, lead: lead) }
            #expect(range == bytes.count, "\(seen)")
            let message = bytes.withUnsafeBufferPointer { Mojibake.describe($0, 0..<bytes.count, lead: lead) }
            #expect(message.contains("\"\(meant)\""), "\(message)")
        }
    }

    @Test func findingsPointAtTheCharacterThroughEscapes() throws {
        let line = #"{"instruction": "Hi", "output": "a\n\"b\" c\u200bd"}"#
        let report = try LintHarness.lint(line + "\n", checks: [EncodingArtifactCheck()])
        let finding = try #require(report.findings.first)
        #expect(finding.message == "zero-width space U+200B")
        // The escape `\u200b` starts at column 44 of the line.
        #expect(
            finding.location.column == line.distance(
                from: line.startIndex, to: try #require(line.range(of: #"\u200b"#)).lowerBound) + 1)
        #expect(finding.location.pointer == "/output")
    }

    @Test func bytesThatAreNotUTF8AreInvalidUTF8sNotAReplacementCharacter() throws {
        let bytes = Array("{\"instruction\": \"caf".utf8) + [0xC3] + Array("\", \"output\": \"x\"}\n".utf8)
        let report = try LintHarness.lint(bytes, checks: allChecks)
        #expect(report.codes("C004").isEmpty)
        #expect(report.codes("J002").count == 1)
    }

    @Test func repetitionIsReportedWhereTheLoopStarts() throws {
        let line = #"{"instruction": "Go on.", "output": "Sure. Go on. Go on. Go on. Go on. Go on. Go on. Go on."}"#
        let report = try LintHarness.lint(line + "\n", checks: [RepeatedTextCheck()])
        let finding = try #require(report.findings.first)
        #expect(finding.message == #""Go on." repeats 7 times in a row"#)
        #expect(finding.location.column == 51)
        #expect(finding.related.first?.location.column == 44)
    }

    @Test func whitespaceFindingsNameTheirSpan() throws {
        // A leading tab would open an indented code block, which is left alone; a newline is not.
        let line = #"{"instruction": "Hi  ", "input": "\nthere", "output": "Yes.\r\nNo."}"#
        let report = try LintHarness.lint(line + "\n", checks: [WhitespaceCheck()])
        #expect(
            report.findings.map { "\($0.location.column) \($0.message)" }.sorted() == [
                "20 trailing whitespace \"  \"", "35 leading whitespace \"\\n\"", "60 CRLF line ending inside the text",
            ])
    }

    @Test func theFloorOfShortResponsesIsASetting() throws {
        let line = #"{"instruction": "Explain gravity.", "output": "Mass attracts."}"#
        #expect(try LintHarness.lint(line + "\n", checks: [ShortResponseCheck()]).findings.isEmpty)
        let chinese = #"{"instruction": "解释重力。", "output": "质量相吸。"}"#
        #expect(try LintHarness.lint(chinese + "\n", checks: [ShortResponseCheck()]).findings.isEmpty)
        // The engine hands the run's settings to the check.
        let file = try TemporaryFile(line + "\n" + chinese + "\n")
        var options = LintOptions(jobs: 1, version: "test")
        options.settings.shortResponseWords = 3
        let strict = try Linter(checks: [ShortResponseCheck()], options: options).run([.path(file.path)])
        #expect(
            strict.findings.map(\.message) == [
                #"response has 2 words but its prompt asks for a long form ("explain")"#,
                #"response has 4 characters but its prompt asks for a long form ("解释")"#,
            ])
    }
}

@Suite("Language mix")
struct LanguageMixTests {
    static let dataset: String = {
        var lines: [String] = []
        for i in 0..<120 {
            switch i % 6 {
            case 0:
                lines.append(
                    #"{"instruction": "列出四张披头士专辑。\#(i)", "output": "Here is a list of four albums by The Beatles: Abbey Road and more."}"#
                )
            case 1, 2: lines.append(#"{"instruction": "写一首关于春天的诗。", "output": "春风吹绿了江南的岸边，花开满园。\#(i)"}"#)
            case 3: lines.append(#"{"instruction": "2 + 2", "output": "= 4"}"#)
            case 4: lines.append(#"{"instruction": "これは何ですか", "output": "これはペンです。とても便利なペンです。"}"#)
            default: lines.append(#"{"instruction": "Name a colour \#(i).", "output": "Blue is a fine colour."}"#)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func statisticsCountRecordsPerMainScriptAndMerge() throws {
        let file = try TemporaryFile(Self.dataset)
        let whole = try Linter(checks: [LanguageMismatchCheck()], options: LintOptions(jobs: 1, version: "test"))
            .run([.path(file.path)])
        #expect(
            whole.stats["scripts"]
                == .object(["latin": .integer(40), "han": .integer(40), "kana": .integer(20), "none": .integer(20)]))
        #expect(whole.codes("C008").count == 20)
        let split = try Linter(
            checks: [LanguageMismatchCheck()], options: LintOptions(jobs: 3, version: "test", batchBytes: 200)
        ).run([.path(file.path)])
        #expect(split.stats == whole.stats)
        #expect(split.findings == whole.findings)
    }
}
