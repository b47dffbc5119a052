/// Flags responses that look cut off: they end inside a code block, on "...", on a comma or a function word,
/// inside a bracket or quote, or mid-sentence after sentences that ended properly.
struct TruncatedResponseCheck: SampleCheck, ConfigurableCheck {
    static let info = CheckInfo(
        code: "E002",
        name: "truncated-response",
        summary:
            "A response looks cut off: it ends mid-sentence, inside a code block, bracket or quote, or on \"...\".",
        rationale: """
            Responses cut by a generation limit or a broken export teach the model to stop mid-thought, and an \
            unclosed code fence leaves everything after it formatted as code. Only strong signs count, so that a \
            short answer, a number, a list or a sign-off without a full stop is not flagged: a final "..." or "…", \
            a final comma or colon, a final "the"/"and"/"of", a bracket or quote opened near the end of the last \
            line and never closed (outside code), an open ``` fence, or a last line that ends without punctuation \
            after a sentence that had it. Trailing control tokens (an EOS) are ignored.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Describe the quetzal.", "output": "It lives in cloud forests. Its memory serves as a reminder of the importance of"}
                ! {"instruction": "List three colours.", "output": "Here are three colours:"}
                ! {"instruction": "Tell a story.", "output": "Once upon a time, there was a fox..."}
                ! {"instruction": "Explain recursion.", "output": "A function calls itself. Then we reverse"}
                ! {"instruction": "Show code.", "output": "Here it is:\n```python\ndef f(x):\n    return x"}
                ! {"instruction": "Name the element.", "output": "It is technetium (Tc, atomic number"}
                ! {"instruction": "Quote him.", "output": "He said: “I will come back tomorrow and"}
                """#),
            Example(
                #"""
                ! {"instruction": "介绍爵士乐。", "output": "爵士乐起源于美国。常用乐器有萨克斯、小号、"}
                ! {"instruction": "解释这段代码。", "output": "这段代码查找动词。如果句子的时态是现在，它打印动词。如果句"}
                ! {"instruction": "列出元素。", "output": "1. 氪（Krypton）\n2. 锝（Technetium"}
                ! {"instruction": "讲个故事。", "output": "从前有一座山……"}
                ! {"conversations": [{"from": "human", "value": "继续"}, {"from": "gpt", "value": "好的，第四点是工作："}]}
                ! {"text": "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nThe answer is the<|im_end|>"}
                """#),
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Capital of France?", "output": "Paris"}
                {"instruction": "How many legs?", "output": "The goats have 69*4=276 legs\nSo in total his animals have 276+46=322 legs"}
                {"instruction": "Write a letter.", "output": "Thank you for your help.\n\nBest regards,\n[Your Name]"}
                {"instruction": "List fruits.", "output": "1. Apple\n2. Banana\n10. Salt and vinegar chips with Nutella"}
                {"instruction": "Show code.", "output": "Here it is:\n```python\nprint((1, [2\n```"}
                {"instruction": "Explain.", "output": "Use `f(` and `[` carefully; call `print(x)` to see it."}
                {"instruction": "Sign off.", "output": "I hope for peace among all beings. With respect and hope, Your AI companion"}
                {"instruction": "Continue.", "output": "The sequence progresses as follows: 3, 3+4, 7+4, 11+4, 15+4...."}
                {"instruction": "Height?", "output": "He is 5'11\" tall (about 180 cm)."}
                {"instruction": "Say hi.", "output": "Hello!</s>"}
                """#),
            Example(
                #"""
                {"instruction": "翻译成中文。", "output": "你好，世界！"}
                {"instruction": "举例。", "output": "例如：冰雪(snow)、寒冷(cold)。"}
                {"instruction": "写一行代码。", "output": "代码如下：\n\n    print(\"你好\""}
                {"instruction": "列出作者。", "output": "1. 《人工智能》，作者是Stuart Russell\n2. 《生命3.0》，作者是Max Tegmark"}
                {"instruction": "计算。", "output": "一共是 42 个"}
                {"conversations": [{"from": "human", "value": "天气？"}, {"from": "function_call", "value": "{\"name\": \"weather\", \"arguments\": {\"city\": \"北京\""}, {"from": "observation", "value": "{\"sky\": \"晴\"}"}, {"from": "gpt", "value": "北京晴天。"}]}
                """#),
        ]
    )

    /// Control tokens (an EOS) a response may end with; they don't count as its last words.
    var tokens = SpecialTokens()

    func configured(with settings: RuleSettings) -> TruncatedResponseCheck {
        var check = self
        check.tokens = SpecialTokens(extra: settings.specialTokens + (settings.eos.map { [$0] } ?? []))
        return check
    }

    func inspect(_ sample: Sample, report: inout Findings) {
        for index in sample.turns.indices where sample.isResponse(index) {
            let marks = sample.turns[index].marks
            guard let cut = sample.turns[index].text.withUTF8Buffer({ truncation(in: $0, marks: marks) }) else {
                continue
            }
            let turn = sample.turns[index]
            report.add(Self.self, at: turn.location(ofUTF8: cut.range), cut.message(turn))
        }
    }

    /// How a response looks cut off, and where.
    enum Truncation {
        case openFence(Range<Int>)
        case ellipsis(Range<Int>)
        case dangling(Range<Int>)
        case functionWord(Range<Int>)
        case openBracket(Range<Int>)
        case midSentence(Range<Int>)

        var range: Range<Int> {
            switch self {
            case .openFence(let r), .ellipsis(let r), .dangling(let r), .functionWord(let r), .openBracket(let r),
                .midSentence(let r):
                r
            }
        }

        func message(_ turn: Turn) -> String {
            let text = turn.text(ofUTF8: range)
            switch self {
            case .openFence: return "response ends inside the code block opened here: the fence is never closed"
            case .ellipsis: return "response ends with \"\(text)\""
            case .dangling: return "response ends with \"\(text)\", mid-sentence"
            case .functionWord: return "response ends mid-sentence on \"\(text)\""
            case .openBracket: return "\"\(text)\" opened in the last line is never closed"
            case .midSentence:
                let words = text.count > 40 ? "…" + text.suffix(39) : text
                return "response ends mid-sentence: \"\(words)\" has no closing punctuation"
            }
        }
    }

    // MARK: - Judging the end

    /// The strongest sign that `bytes` was cut off, or nil; `marks` says which searches can be skipped.
    func truncation(in bytes: UnsafeBufferPointer<UInt8>, marks: TextMarks) -> Truncation? {
        let end = contentEnd(bytes)
        guard end > 0 else { return nil }
        let newline = UInt8(ascii: "\n")
        let lineStart =
            marks.contains(.newline)
            ? (VectorScan.lastOffset(of: newline, in: bytes, before: end).map { $0 + 1 } ?? 0) : 0
        var code: [Range<Int>] = []
        if !marks.isDisjoint(with: [.backtick, .tilde]) {
            let regions = CodeRegions(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self))
            if regions.hasUnclosedFence, let open = regions.ranges.last {
                return .openFence(open.lowerBound..<open.lowerBound + 3)
            }
            // A response that ends in code (a closed fence, an indented block) ends as code may.
            if let last = regions.ranges.last, last.upperBound >= end { return nil }
            code = regions.ranges.filter { $0.upperBound > lineStart }
        }
        let content = TextBytes.trimmedStart(bytes, from: lineStart)
        guard content < end, !Self.isIndentedCode(bytes, lineStart, content) else { return nil }
        // Most responses end with a full stop, a question or an exclamation mark: then only a bracket left open
        // can be a sign of a cut.
        let isFinished = Self.endsWithTerminalPunctuation(bytes, end: end)
        if !isFinished, let ending = Self.badEnding(bytes, line: content, end: end) { return ending }
        if !marks.isDisjoint(with: [.parenthesis, .squareOrBrace, .quote, .nonASCII]) {
            // A bracket cut open is opened near the cut: only the end of a long line is read, and a `"` counts
            // only when the whole line is read (parity means nothing from the middle of a line).
            let window = max(content, end - Self.bracketWindow)
            var line = LineBrackets(start: window, countsQuotes: window == content)
            let candidates = Candidates()
            VectorScan.forEach(in: bytes, from: window, to: end, { candidates($0) }, { candidates($0) }) { offset in
                // Brackets written as code (`f(`) are not open.
                if code.isEmpty || !code.contains(where: { $0.contains(offset) }) { line.note(offset, in: bytes) }
                return true
            }
            if let bracket = line.unclosed(in: bytes, end: end) { return .openBracket(bracket) }
        }
        guard !isFinished, !Self.isListItem(bytes, at: content, end: end) else { return nil }
        return Self.unfinishedSentence(bytes, from: content, to: end).map { .midSentence($0) }
    }

    /// `.` (not `..`), `!`, `?`, `。`, `！` or `？` at the end.
    private static func endsWithTerminalPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
        switch bytes[end - 1] {
        case UInt8(ascii: "!"), UInt8(ascii: "?"): return true
        case UInt8(ascii: "."): return end < 2 || bytes[end - 2] != UInt8(ascii: ".")
        case 0x82: return end >= 3 && bytes[end - 3] == 0xE3 && bytes[end - 2] == 0x80  // 。
        case 0x81, 0x9F: return end >= 3 && bytes[end - 3] == 0xEF && bytes[end - 2] == 0xBC  // ！ ？
        default: return false
        }
    }

    /// The end of the response without trailing spaces and control tokens.
    private func contentEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // Most responses end with neither a space nor a token.
        if let last = bytes.last, last > 0x20, last != UInt8(ascii: ">"), last != UInt8(ascii: "]"), last < 0x80 {
            return bytes.count
        }
        var end = TextBytes.trimmedEnd(bytes, before: bytes.count)
        while let token = tokens.token(endingAt: end, in: bytes) {
            end = TextBytes.trimmedEnd(bytes, before: token.range.lowerBound)
        }
        return end
    }

    private static func isIndentedCode(_ bytes: UnsafeBufferPointer<UInt8>, _ lineStart: Int, _ content: Int) -> Bool {
        bytes[lineStart] == UInt8(ascii: "\t") || content - lineStart >= 4
    }

    /// Function words a finished English sentence hardly ever ends with, and Chinese conjunctions.
    private static let functionWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "with", "for", "from", "that", "which", "whose", "if",
        "because", "than", "is", "are", "was", "were", "by", "as", "into", "its", "their", "his", "our", "your", "my",
    ]
    private static let chineseConjunctions: Set<Unicode.Scalar> = ["和", "与", "或", "把", "被", "及"]

    /// A final ellipsis, comma, colon, function word or conjunction.
    private static func badEnding(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, end: Int) -> Truncation? {
        let (last, lastStart) = TextBytes.scalar(before: end, in: bytes)
        switch last {
        case "…":
            var start = lastStart
            while start > line, TextBytes.scalar(before: start, in: bytes).0 == "…" { start -= 3 }
            return .ellipsis(start..<end)
        case ".":
            var start = lastStart
            while start > line, bytes[start - 1] == UInt8(ascii: ".") { start -= 1 }
            // `1, 2, 3...` continues a sequence: the dots say "and so on", not "cut here".
            let isSequence = start > line && bytes[start - 1] >= 0x30 && bytes[start - 1] <= 0x39
            return end - start >= 3 && !isSequence ? .ellipsis(start..<end) : nil
        case ",", ":", "，", "、", "：", "；":
            // `http:` or `12:` are not sentences.
            if last == ":", lastStart > line, !isLetter(TextBytes.scalar(before: lastStart, in: bytes).0) { return nil }
            return .dangling(lastStart..<end)
        case "a"..."z":
            var start = lastStart
            while start > line, isLowercase(bytes[start - 1]) { start -= 1 }
            // A word after a space: not the tail of `x.the`, `don't` or `e-mail`, and not a one-word answer.
            guard start > line, bytes[start - 1] == UInt8(ascii: " ") else { return nil }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            return functionWords.contains(word) ? .functionWord(start..<end) : nil
        default:
            guard last.value >= 0x4E00, last.value <= 0x9FFF, chineseConjunctions.contains(last), lastStart > line,
                Script(TextBytes.scalar(before: lastStart, in: bytes).0) == .han
            else { return nil }
            return .functionWord(lastStart..<end)
        }
    }

    private static func isLowercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A) : scalar.properties.isAlphabetic
    }

    /// Bytes before the end of the last line in which a bracket or quote left open counts as a cut.
    static let bracketWindow = 200

    /// The bytes the bracket search stops at: ASCII brackets and `"`, and the lead bytes of the curly quotes
    /// (E2), CJK brackets (E3) and full-width parentheses (EF); the lead bytes let through other characters too,
    /// which `LineBrackets` then drops.
    private struct Candidates {
        // Splats built once: `SIMD16(repeating:)` inside the loop is not folded into a constant.
        let even = SIMD16<UInt8>(repeating: 0xFE)
        let parenthesis = SIMD16<UInt8>(repeating: 0x28)
        let square = SIMD16<UInt8>(repeating: 0x5B)
        let closingSquare = SIMD16<UInt8>(repeating: 0x5D)
        let quote = SIMD16<UInt8>(repeating: 0x22)
        let curly = SIMD16<UInt8>(repeating: 0xE2)
        let fullWidth = SIMD16<UInt8>(repeating: 0xEF)

        @inline(__always)
        func callAsFunction(_ v: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
            let pairs = v & even
            let ascii = (pairs .== parenthesis) .| (v .== square) .| (v .== closingSquare) .| (v .== quote)
            return ascii .| (pairs .== curly) .| (v .== fullWidth)
        }

        @inline(__always)
        func callAsFunction(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x28, 0x29, 0x5B, 0x5D, 0x22, 0xE2, 0xE3, 0xEF: true
            default: false
            }
        }
    }

    /// The brackets and quotes of one line: which are still open. Closers without an opener are ignored (list
    /// markers like `a)`), and so are `:(`, inch marks (`5'11"`) and a lone `"` at the very end.
    private struct LineBrackets {
        let start: Int
        let countsQuotes: Bool
        /// Open brackets, innermost last: their kind (closers of one kind close openers of that kind) and offset.
        var open: [(kind: UInt8, range: Range<Int>)] = []
        var quote: Int?

        init(start: Int, countsQuotes: Bool) {
            self.start = start
            self.countsQuotes = countsQuotes
        }

        mutating func note(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
            if bytes[offset] == UInt8(ascii: "\"") {
                guard countsQuotes else { return }
                let isInchMark =
                    quote == nil && offset > start && bytes[offset - 1] >= 0x30 && bytes[offset - 1] <= 0x39
                if !isInchMark { quote = quote == nil ? offset : nil }
                return
            }
            guard let (kind, isOpening, length) = Self.bracket(at: offset, in: bytes) else { return }
            if isOpening {
                let isEmoticon =
                    length == 1 && offset > start && (bytes[offset - 1] == 0x3A || bytes[offset - 1] == 0x3B)
                if !isEmoticon { open.append((kind, offset..<offset + length)) }
            } else if let match = open.lastIndex(where: { $0.kind == kind }) {
                open.removeSubrange(match...)
            }
        }

        /// The bracket or quote left open when the line ends at `end`.
        func unclosed(in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Range<Int>? {
            if let last = open.last { return last.range }
            guard let quote else { return nil }
            // Text must follow an opening quote: a `"` at the end closes nothing, it is stray.
            for i in (quote + 1)..<end where bytes[i] >= 0x80 || (bytes[i] | 0x20 >= 0x61 && bytes[i] | 0x20 <= 0x7A) {
                return quote..<quote + 1
            }
            return nil
        }

        /// The bracket at `offset`: its kind (half- and full-width parentheses share one), whether it opens, and
        /// its length in bytes.
        static func bracket(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt8, Bool, Int)? {
            switch bytes[offset] {
            case 0x28: return (0, true, 1)
            case 0x29: return (0, false, 1)
            case 0x5B: return (1, true, 1)
            case 0x5D: return (1, false, 1)
            case 0xE2, 0xE3, 0xEF:
                guard offset + 2 < bytes.count else { return nil }
                switch (UInt32(bytes[offset]) << 16) | (UInt32(bytes[offset + 1]) << 8) | UInt32(bytes[offset + 2]) {
                case 0xE2809C: return (2, true, 3)  // “ ”
                case 0xE2809D: return (2, false, 3)
                case 0xE3808C: return (3, true, 3)  // 「 」
                case 0xE3808D: return (3, false, 3)
                case 0xE3808E: return (4, true, 3)  // 『 』
                case 0xE3808F: return (4, false, 3)
                case 0xE3808A: return (5, true, 3)  // 《 》
                case 0xE3808B: return (5, false, 3)
                case 0xE38090: return (6, true, 3)  // 【 】
                case 0xE38091: return (6, false, 3)
                case 0xEFBC88: return (0, true, 3)  // （ ）
                case 0xEFBC89: return (0, false, 3)
                default: return nil
                }
            default: return nil
            }
        }
    }

    /// `1. `, `2) `, `3、`, `- `, `* `, `• `, `# `: a list item or heading, which may end without punctuation.
    private static func isListItem(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Bool {
        var i = start
        while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
        if i > start, i < end {
            let (marker, _) = TextBytes.scalar(at: i, in: bytes)
            if marker == "." || marker == ")" || marker == "、" || marker == "）" { return true }
        }
        let (first, next) = TextBytes.scalar(at: start, in: bytes)
        switch first {
        case "#", "|": return true
        case "-", "*", "+", "•", ">": return next >= end || bytes[next] == UInt8(ascii: " ")
        default: return false
        }
    }

    /// The final sentence of the line `from..<to`, when it ends without punctuation after an earlier sentence of
    /// the line did end with it: "… end of the list. Then we reverse". English needs a lowercase last word and
    /// no digits in the final sentence (worked arithmetic often skips the full stop); Chinese a Han last character.
    private static func unfinishedSentence(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) -> Range<Int>? {
        let (last, lastStart) = TextBytes.scalar(before: end, in: bytes)
        let isHan = last.value >= 0x3400 && Script(last) == .han
        guard isHan || (last.isASCII && isLowercase(UInt8(last.value))) else { return nil }
        var i = lastStart
        var hasDigit = false
        while i > start {
            let (scalar, before) = TextBytes.scalar(before: i, in: bytes)
            if isHan {
                if scalar == "。" || scalar == "！" || scalar == "？" { return i..<end }
            } else if scalar == "." || scalar == "!" || scalar == "?" {
                if isSentenceEnd(bytes, terminator: before, next: i, lineStart: start), !hasDigit {
                    let sentence = TextBytes.trimmedStart(bytes, from: i)
                    // Only a final sentence that starts like one (a capital letter) and isn't a sign-off, whose
                    // name follows a comma: "With respect and hope, Your AI companion".
                    let (first, _) = TextBytes.scalar(at: sentence, in: bytes)
                    guard first.properties.isUppercase, !hasCommaBeforeCapital(bytes, from: sentence, to: end) else {
                        return nil
                    }
                    return lastWordIsLowercase(bytes, end: end) ? sentence..<end : nil
                }
            } else if scalar.value >= 0x30, scalar.value <= 0x39 {
                hasDigit = true
            }
            i = before
        }
        return nil
    }

    /// A `.`, `!` or `?` at `terminator` that ends a sentence: after a word of two lowercase letters or more
    /// (not `Mr.`, `P.E.`, `3.5`), before a space.
    private static func isSentenceEnd(
        _ bytes: UnsafeBufferPointer<UInt8>, terminator: Int, next: Int, lineStart: Int
    ) -> Bool {
        guard next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\""),
            terminator - lineStart >= 2
        else { return false }
        return isLowercase(bytes[terminator - 1]) && isLowercase(bytes[terminator - 2])
    }

    /// Whether `from..<to` has ", " followed by a capital letter.
    private static func hasCommaBeforeCapital(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) -> Bool {
        var i = start
        while i + 2 < end {
            if bytes[i] == UInt8(ascii: ","), bytes[i + 1] == UInt8(ascii: " "), bytes[i + 2] >= 0x41,
                bytes[i + 2] <= 0x5A
            {
                return true
            }
            i += 1
        }
        return false
    }

    /// Whether the last word starts with a lowercase letter: "… Yours, Dracula" is a signature, not a cut.
    private static func lastWordIsLowercase(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
        var i = end
        while i > 0, bytes[i - 1] != UInt8(ascii: " "), bytes[i - 1] != UInt8(ascii: "\n") { i -= 1 }
        return isLowercase(bytes[i])
    }
}
