/// Flags stray whitespace in a turn: at its start or end, Windows line endings inside it, and runs of blank lines.
struct WhitespaceCheck: SampleCheck {
    static let info = CheckInfo(
        code: "C005",
        name: "whitespace",
        summary: "A turn starts or ends with whitespace, has CRLF line endings, or three or more blank lines in a row.",
        rationale: """
            Chat templates insert the text as it is: leading and trailing whitespace becomes tokens the model \
            learns to emit before its answer or before the end of turn, "\\r\\n" teaches it Windows line endings \
            in some answers and not others, and runs of blank lines are scraping residue that costs tokens and \
            teaches the model to pad.
            """,
        severity: .info,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Say hi. ", "output": "Hello!"}
                ! {"instruction": "Say hi.", "output": "\n\nHello!"}
                ! {"instruction": "总结以下段落所描述的内容。 ", "input": "今天天气很好。", "output": "天气很好。"}
                ! {"conversations": [{"from": "human", "value": "你好"}, {"from": "gpt", "value": "你好！\n"}]}
                ! {"instruction": "写一首诗。", "output": "床前明月光，\r\n疑是地上霜。"}
                ! {"instruction": "List two.", "output": "One.\n\n\n\nTwo."}
                ! {"instruction": "列出两项。", "output": "一。\n \n\t\n\n二。"}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Show code.", "output": "Here:\n\n```python\ndef f():  \n    return 1\n\n\n\n\ndef g():\n    pass\n```\n\nDone."}
                {"instruction": "Indented code.", "output": "Example:\n\n    x = 1\n\n\n\n    y = 2\n\nEnd."}
                {"instruction": "    print(1)", "output": "It prints 1."}
                {"instruction": "两段。", "output": "第一段。\n\n第二段。\n\n\n第三段。"}
                {"text": "<s>[INST] Hi [/INST] Hello </s>\n"}
                {"prompt": "The capital of France is", "completion": " Paris."}
                {"messages": [{"role": "user", "content": "天气？"}, {"role": "assistant", "content": null, "tool_calls": [{"id": "a"}]}, {"role": "tool", "content": "{\"sky\": \"晴\"}\n"}, {"role": "assistant", "content": "晴天。"}]}
                """#)
        ]
    )

    /// Newline and carriage return: the only bytes the line rules need to look at.
    enum LineBreaks: ByteClass {
        @inline(__always)
        static func matches(_ bytes: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
            bytes.lanes(equalTo: 0x0A) .| bytes.lanes(equalTo: 0x0D)
        }

        @inline(__always)
        static func contains(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
    }

    func inspect(_ sample: Sample, report: inout Findings) {
        let turns = sample.turns
        // The byte-level test first, on its own, so that reading the texts costs no reference counting.
        guard
            turns.indices.contains(where: {
                turns.holdsProse($0)
                    && Self.mayHaveStrayWhitespace(
                        turns[$0].text, turns[$0].segments, marks: turns[$0].marks,
                        isTemplated: turns.isTemplated($0, format: sample.format))
            })
        else { return }
        for i in turns.indices where turns.holdsProse(i) {
            let isTemplated = turns.isTemplated(i, format: sample.format)
            turns[i].text.withUTF8Buffer { bytes in
                var code: CodeRegions?
                for k in turns[i].segments.indices {
                    let start = turns[i].segments[k].textOffset
                    let range = start..<min(start + turns[i].segments[k].length, bytes.count)
                    inspect(
                        segment: range, of: turns, i, bytes: bytes, isTemplated: isTemplated, code: &code,
                        report: &report)
                }
            }
        }
    }

    /// Checks one JSON string of a turn; `code` is computed the first time a finding might fall inside code.
    private func inspect(
        segment range: Range<Int>, of turns: [Turn], _ index: Int, bytes: UnsafeBufferPointer<UInt8>,
        isTemplated: Bool, code: inout CodeRegions?, report: inout Findings
    ) {
        guard let first = range.first(where: { !Self.isSpace(bytes[$0]) }) else { return }
        guard let last = range.last(where: { !Self.isSpace(bytes[$0]) }) else { return }
        // A templated string's edges belong to its template; a turn that opens with indented code, to the code.
        if !isTemplated && first > range.lowerBound && !Self.opensWithIndentedCode(bytes, range) {
            let evidence = Self.show(bytes, range.lowerBound..<first)
            report.add(
                Self.self, at: turns[index].location(atTextByte: range.lowerBound), "leading whitespace \(evidence)")
        }
        if !isTemplated && last + 1 < range.upperBound {
            let evidence = Self.show(bytes, last + 1..<range.upperBound)
            report.add(Self.self, at: turns[index].location(atTextByte: last + 1), "trailing whitespace \(evidence)")
        }
        let inner = UnsafeBufferPointer(rebasing: bytes[first...last])
        var crlf: (offset: Int, count: Int)?
        var blank: (offset: Int, lines: Int)?
        var i = UTF8Scan.firstOffset(LineBreaks.self, in: inner)
        while i < inner.count {
            if inner[i] == 0x0D {
                if i + 1 < inner.count && inner[i + 1] == 0x0A {
                    crlf = (crlf?.offset ?? first + i, (crlf?.count ?? 0) + 1)
                }
            } else if blank == nil {
                let lines = Self.blankLines(after: i, in: inner)
                if lines >= 3 {
                    if code == nil { code = CodeRegions(turns[index].text) }
                    if code?.contains(first + i + 1) == false { blank = (first + i + 1, lines) }
                }
            }
            i = UTF8Scan.firstOffset(LineBreaks.self, in: inner, from: i + 1)
        }
        if let crlf {
            let more = crlf.count > 1 ? "; \(crlf.count) in this text" : ""
            report.add(
                Self.self, at: turns[index].location(atTextByte: crlf.offset), "CRLF line ending inside the text\(more)"
            )
        }
        if let blank {
            report.add(
                Self.self, at: turns[index].location(atTextByte: blank.offset), "\(blank.lines) blank lines in a row")
        }
    }

    /// Whether a JSON string of a turn starts or ends with whitespace, or its text has a carriage return or
    /// three blank lines in a row, by bytes alone; the full check then looks at code and builds the messages.
    static func mayHaveStrayWhitespace(
        _ text: String, _ segments: [TextSegment], marks: TextMarks, isTemplated: Bool
    ) -> Bool {
        text.withUTF8Buffer { bytes in
            let n = bytes.count
            if !isTemplated {
                for k in segments.indices {
                    let start = segments[k].textOffset
                    let end = min(start + segments[k].length, n)
                    if start < end && (isSpace(bytes[start]) || isSpace(bytes[end - 1])) { return true }
                }
            }
            if marks.contains(.carriageReturn) { return true }
            // Blank lines need newlines; most single-paragraph texts have none and are done here.
            guard marks.contains(.newline) else { return false }
            var i = UTF8Scan.firstOffset(LineBreaks.self, in: bytes)
            while i < n {
                if bytes[i] == 0x0D || blankLines(after: i, in: bytes) >= 3 { return true }
                i = UTF8Scan.firstOffset(LineBreaks.self, in: bytes, from: i + 1)
            }
            return false
        }
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Blank lines (only spaces, tabs or a carriage return) right after the newline at `offset`.
    static func blankLines(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lines = 0
        var i = offset + 1
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A {
                lines += 1
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                break
            }
            i += 1
        }
        return lines
    }

    /// Four spaces or a tab, then text: the segment opens with an indented code block.
    static func opensWithIndentedCode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var spaces = 0
        for i in range {
            switch bytes[i] {
            case 0x20: spaces += 1
            case 0x09: return true
            case 0x0A, 0x0D: return false
            default: return spaces >= 4
            }
        }
        return false
    }

    /// Whitespace as escapes in quotes, `" \n"`; a long run as its length and a prefix.
    static func show(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let escaped = range.prefix(6).map { i -> String in
            switch bytes[i] {
            case 0x0A: "\\n"
            case 0x0D: "\\r"
            case 0x09: "\\t"
            default: " "
            }
        }.joined()
        return range.count > 6 ? "(\(range.count) characters: \"\(escaped)…\")" : "\"\(escaped)\""
    }
}
