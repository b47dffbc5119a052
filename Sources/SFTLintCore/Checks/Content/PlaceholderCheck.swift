/// Flags unfilled template slots and filler in prompts and responses.
struct PlaceholderCheck: SampleCheck {
    static let info = CheckInfo(
        code: "C001",
        name: "placeholder",
        summary:
            "A turn holds an unfilled template slot or filler: {{name}}, <noinput>, [INSERT NAME], N/A, lorem ipsum.",
        rationale: """
            Template datasets are meant to be filled before training (LLaMA-Factory's identity set ships with \
            {{name}} and {{author}}); a model trained unfilled answers "I am {{name}}". Filler such as <noinput>, \
            "N/A" or "None" as a whole input or response teaches the model that filler is an answer. Code is not \
            prose: braces in fenced or inline code, f-strings and tool-call JSON are not slots.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Who are you?", "output": "I am {{name}}, an AI assistant developed by {{author}}."}
                ! {"instruction": "你是谁？", "output": "您好，我是 {{name}}，由 {{author}} 开发。"}
                ! {"instruction": "Summarise {instruction}", "output": "A summary."}
                ! {"instruction": "Write a letter.", "input": "<noinput>", "output": "Dear Sir, thank you."}
                ! {"instruction": "Fill the form.", "output": "Dear [INSERT NAME], welcome aboard."}
                ! {"instruction": "Generate a QR code.", "output": "Here it is: [QR_CODE_IMAGE_DATA]."}
                ! {"messages": [{"role": "system", "content": "You are {{ assistant_name }}."}, {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]}
                """#),
            // Whole values: an emoji in front of them would make them content.
            Example(
                #"""
                ! {"instruction": "Describe the weather.", "input": "None", "output": "It is sunny."}
                ! {"instruction": "Describe the weather.", "output": "N/A"}
                ! {"instruction": "翻译。", "input": "无输入", "output": "好的。"}
                ! {"conversations": [{"from": "human", "value": "Anything?"}, {"from": "gpt", "value": "null"}]}
                ! {"instruction": "写一段介绍。", "output": "Lorem ipsum dolor sit amet, consectetur adipiscing elit."}
                """#, variants: [.jsonArray, .crlf]),
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Format a string in Python.", "output": "Use `f\"Hello {name}\"` or:\n\n```python\nprint(\"{}\".format(x))\n```"}
                {"instruction": "Greet.", "output": "print(f\"Name: {name}, Price: ${price}\")"}
                {"instruction": "Solve.", "output": "The answer is $\\frac{a}{b}$ and \\text{name}."}
                {"instruction": "Write a letter.", "output": "Best regards,\n[Your Name]"}
                {"instruction": "Which of 4, 6, 8 is prime?", "output": "None of them is prime."}
                {"instruction": "Write a template for a customer service call.", "output": "Date: [INSERT DATE]\nCustomer: [insert name]"}
                {"instruction": "写一个集合。", "output": "集合 {1, 2, 3} 有三个元素。"}
                {"conversations": [{"from": "human", "value": "查天气"}, {"from": "function_call", "value": "{\"name\": \"weather\", \"arguments\": {\"city\": \"{city}\"}}"}, {"from": "observation", "value": "{\"temp\": null}"}, {"from": "gpt", "value": "晴天。"}]}
                {"instruction": "Explain Mistral's format.", "output": "Each prompt is wrapped as [INST] ... [/INST]; lorem ipsum is placeholder text."}
                """#)
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        for index in sample.turns.indices where !sample.turns[index].isToolCall && sample.turns[index].role != .tool {
            let mayHoldSlots = !sample.turns[index].marks.isDisjoint(with: [.squareOrBrace, .angle])
            // A long single-segment text that starts with neither a space nor an `l` is neither filler nor lorem
            // ipsum: without slots to look for, it is passed unread.
            if !mayHoldSlots, sample.turns[index].segments.count == 1, sample.turns[index].text.utf8.count > 24 {
                let first = sample.turns[index].leadingByte
                if first > 0x20, first | 0x20 != UInt8(ascii: "l") { continue }
            }
            let found = sample.turns[index].text.withUTF8Buffer { bytes in
                Self.filler(in: bytes, segments: sample.turns[index].segments)
                    ?? (mayHoldSlots
                        ? Self.slots(in: bytes, text: sample.turns[index].text) {
                            Self.asksForTemplate(sample, before: index)
                        }
                        : nil)
            }
            guard let found else { continue }
            let turn = sample.turns[index]
            var message = found.kind.message(turn.text(ofUTF8: found.range), turn: turn, range: found.range)
            if found.more > 0 { message += " and \(found.more) more" }
            report.add(Self.self, at: turn.location(ofUTF8: found.range), message)
        }
    }

    /// What was found, and how many more of the same kind follow in the turn.
    struct Placeholder {
        enum Kind {
            case slot, noInput, bracketSlot, filler, lorem

            func message(_ text: Substring, turn: Turn, range: Range<Int>) -> String {
                switch self {
                case .slot: return "unfilled template slot \"\(text)\""
                case .noInput: return "filler \"\(text)\" in place of content"
                case .bracketSlot: return "unfilled placeholder \"\(text)\""
                case .lorem: return "lorem ipsum filler text"
                case .filler:
                    let field = turn.segments.last { $0.textOffset <= range.lowerBound }.map(\.pointer) ?? turn.pointer
                    let what =
                        turn.role == .assistant ? "response" : field.hasSuffix("/input") ? "input" : "\(turn.tag)"
                    return "\(what) is only \"\(text)\": filler, not content"
                }
            }
        }

        var kind: Kind
        var range: Range<Int>
        var more = 0
    }

    // MARK: - Whole values

    /// What a dataset writes for "no value"; an Alpaca input or a response that is only this is filler.
    private static let fillerValues: Set<String> = [
        "N/A", "n/a", "None", "none", "null", "NULL", "Null", "nil", "nan", "NaN", "No input", "No input.", "No Input",
        "no input", "<noinput>", "<no input>", "无输入", "无", "空", "暂无",
    ]

    /// A segment (an Alpaca `input`, a whole message) that is only filler or starts as lorem ipsum.
    private static func filler(in bytes: UnsafeBufferPointer<UInt8>, segments: [TextSegment]) -> Placeholder? {
        for segment in segments {
            let end = min(segment.textOffset + segment.length, bytes.count)
            guard segment.textOffset < end else { continue }
            // Most segments are long and start with a letter: only the lorem ipsum test can apply.
            let first = bytes[segment.textOffset]
            let start =
                first > 0x20 && first < 0x80
                ? segment.textOffset : TextBytes.trimmedStart(bytes, from: segment.textOffset)
            guard start < end else { continue }
            if end - start <= 24 {
                let trimmed = TextBytes.trimmedEnd(bytes, before: end)
                let value = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[start..<max(start, trimmed)]), as: UTF8.self)
                if fillerValues.contains(value) { return Placeholder(kind: .filler, range: start..<trimmed) }
            }
            if bytes[start] | 0x20 == UInt8(ascii: "l"),
                Self.lorem.contains(where: { PhraseSet.bytes(bytes, at: start, equal: $0) })
            {
                return Placeholder(kind: .lorem, range: start..<min(end, start + 11))
            }
        }
        return nil
    }

    private static let lorem = [Array("Lorem ipsum dolor".utf8), Array("lorem ipsum dolor".utf8)]

    // MARK: - Slots

    private static let candidates = ByteSet([UInt8(ascii: "{"), UInt8(ascii: "<"), UInt8(ascii: "[")])
    private static let noInput = PhraseSet([
        "<noinput>", "<no input>", "< noinput >", "<No Input>", "<NoInput>", "<nooutput>",
    ])
    /// Names of Alpaca- and prompt-template fields, the only single-brace slots flagged: `{x}` is too often math.
    private static let slotNames: Set<String> = [
        "instruction", "input", "output", "question", "answer", "query", "prompt", "response", "context", "name",
        "text", "topic", "user", "assistant", "system", "task", "content", "document", "passage", "article",
        "sentence", "word", "language", "city", "country", "date", "product", "company", "author",
    ]

    /// Unfilled slots and placeholders outside code; the first, with a count of the rest. `isTemplate` says
    /// (asked only once a `[SLOT]` turns up) that the prompt asks for a template, whose blanks are the answer.
    private static func slots(
        in bytes: UnsafeBufferPointer<UInt8>, text: String, isTemplate: () -> Bool
    ) -> Placeholder? {
        var first: Placeholder?
        var code: CodeRegions?
        var allowsBlanks: Bool?
        candidates.forEachOffset(in: bytes) { offset in
            guard let (kind, range) = slot(at: offset, in: bytes) else { return true }
            if kind == .bracketSlot {
                if allowsBlanks == nil { allowsBlanks = isTemplate() }
                if allowsBlanks == true { return true }
            }
            if kind != .noInput {
                // Code is rare and costly to find: only looked for once a slot turns up.
                if code == nil { code = CodeRegions(text) }
                if code?.contains(offset) == true || isCodeLine(bytes, around: offset) { return true }
            }
            if first == nil { first = Placeholder(kind: kind, range: range) } else { first?.more += 1 }
            return true
        }
        return first
    }

    /// The slot starting at `offset`, if one does.
    private static func slot(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Placeholder.Kind, Range<Int>)? {
        switch bytes[offset] {
        case UInt8(ascii: "{"): return braceSlot(at: offset, in: bytes).map { (.slot, $0) }
        case UInt8(ascii: "<"):
            var found: Range<Int>?
            noInput.forEachMatch(anchoredAt: offset, in: bytes) { _, range in found = range }
            return found.map { (.noInput, $0) }
        default: return bracketSlot(at: offset, in: bytes).map { (.bracketSlot, $0) }
        }
    }

    /// `{{name}}` (any identifier, spaces allowed), or `{name}` for a known template field name — not after a
    /// letter, `\`, `$`, `^`, `_` or `}` (LaTeX, shell, format strings).
    private static func braceSlot(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let open = UInt8(ascii: "{")
        let close = UInt8(ascii: "}")
        if offset > 0 {
            let before = bytes[offset - 1]
            if before == open || before == UInt8(ascii: "\\") || before == UInt8(ascii: "$")
                || before == UInt8(ascii: "^")
                || before == UInt8(ascii: "_") || before == close || isIdentifierByte(before)
            {
                return nil
            }
        }
        let isDouble = offset + 1 < bytes.count && bytes[offset + 1] == open
        var i = offset + (isDouble ? 2 : 1)
        if isDouble { while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 } }
        let nameStart = i
        guard i < bytes.count, isIdentifierByte(bytes[i]), !(bytes[i] >= 0x30 && bytes[i] <= 0x39) else { return nil }
        while i < bytes.count, i - nameStart <= 40, isIdentifierByte(bytes[i]) || bytes[i] == UInt8(ascii: ".") {
            i += 1
        }
        let nameEnd = i
        if isDouble {
            while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
            guard i + 1 < bytes.count, bytes[i] == close, bytes[i + 1] == close else { return nil }
            return offset..<i + 2
        }
        guard i < bytes.count, bytes[i] == close, i + 1 == bytes.count || bytes[i + 1] != close else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]), as: UTF8.self)
        return slotNames.contains(name) ? offset..<i + 1 : nil
    }

    /// `[INSERT …]`, `[PLACEHOLDER …]`, or an all-capitals slot naming a field: `[COMPANY NAME]`,
    /// `[QR_CODE_IMAGE_DATA]`. `[Your Name]` in a letter the user asked for is the right answer, and control
    /// tokens such as `[INST]` are E003's.
    private static func bracketSlot(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        if offset > 0, isIdentifierByte(bytes[offset - 1]) || bytes[offset - 1] == UInt8(ascii: "]") { return nil }
        var i = offset + 1
        var hasLower = false
        var hasUnderscore = false
        var letters = 0
        while i < bytes.count, i - offset <= 48 {
            let byte = bytes[i]
            if byte == UInt8(ascii: "]") { break }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "[") { return nil }
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { hasLower = true }
            if byte == UInt8(ascii: "_") { hasUnderscore = true }
            if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") { letters += 1 }
            i += 1
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "]"), letters >= 3 else { return nil }
        let inner = String(decoding: UnsafeBufferPointer(rebasing: bytes[(offset + 1)..<i]), as: UTF8.self)
        let upper = inner.uppercased()
        if upper.hasPrefix("INSERT ") || upper.hasPrefix("PLACEHOLDER") { return offset..<i + 1 }
        guard !hasLower, !inner.hasPrefix("/") else { return nil }
        let words = upper.split { $0 == " " || $0 == "_" }
        let isFieldName = words.contains {
            ["NAME", "DATE", "ADDRESS", "EMAIL", "PHONE", "COMPANY", "DATA"].contains($0)
        }
        return (hasUnderscore && words.count >= 2) || isFieldName ? offset..<i + 1 : nil
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "_")
    }

    private static let templateWords = PhraseSet(["template", "Template", "模板"])

    /// Whether the user turn before turn `index`, if that is a response, asks for a template.
    private static func asksForTemplate(_ sample: Sample, before index: Int) -> Bool {
        guard sample.turns[index].role == .assistant,
            let prompt = sample.turns[..<index].last(where: { $0.role == .user })
        else { return false }
        return prompt.text.withUTF8Buffer { templateWords.firstMatch(in: $0) != nil }
    }

    /// A line that reads as code even outside a code block: an f-string, `.format(`, a template literal.
    private static func isCodeLine(_ bytes: UnsafeBufferPointer<UInt8>, around offset: Int) -> Bool {
        var start = offset
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var end = offset
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        return codeMarks.firstMatch(in: line) != nil
    }

    private static let codeMarks = PhraseSet(["f\"", "f'", ".format(", "${", "print(", "printf(", "console.log("])
}
