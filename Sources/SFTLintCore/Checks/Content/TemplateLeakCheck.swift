/// Flags prompt-format markers inside the content of a turn: `### Instruction:`, `Human:` lines and the like.
struct TemplateLeakCheck: SampleCheck {
    static let info = CheckInfo(
        code: "C002",
        name: "template-leak",
        summary: "A turn contains prompt-format markers such as \"### Response:\" or a line starting \"Human:\".",
        rationale: """
            Markers of another prompt format inside one turn mean a conversation was flattened into it, or a \
            template was applied twice: the model learns to write "### Response:" or "Assistant:" itself and to \
            invent the other side of the conversation. Pre-templated `text` records are made of such markers and \
            are not checked; a response to a request for a dialogue or script may label its speakers.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Below is an instruction that describes a task.\n\n### Instruction:\nSay hi.\n\n### Response:", "output": "Hi!"}
                ! {"instruction": "Say hi.", "output": "Hi!\n\n### Instruction:\nSay bye."}
                ! {"conversations": [{"from": "human", "value": "Advice on loneliness.\nUser: I'm feeling lonely."}, {"from": "gpt", "value": "Talk to a friend."}]}
                ! {"instruction": "问候。", "output": "你好！\nUSER: 再见\nASSISTANT: 再见！"}
                ! {"messages": [{"role": "user", "content": "你好"}, {"role": "assistant", "content": "你好！\n用户：今天天气怎么样？"}]}
                """#),
            // A marker that opens the text: an emoji in front of it would make it no marker.
            Example(
                #"""
                ! {"instruction": "Greet me.", "output": "Assistant: Hello! How can I help?"}
                ! {"instruction": "问候我。", "output": "助手：你好！"}
                """#, variants: [.jsonArray, .crlf]),
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Say hi.", "output": "Hi!"}
                {"instruction": "Write a short dialogue between a user and an assistant.", "output": "User: Hi!\nAssistant: Hello, how can I help?"}
                {"instruction": "写一段用户和助手的对话。", "output": "用户：你好\n助手：你好，有什么可以帮你？"}
                {"instruction": "Explain markdown headings.", "output": "### Installation\nRun the installer. A reply from the Human: resources team is pending."}
                {"instruction": "Show the format.", "output": "```\n### Instruction:\nSay hi.\n### Response:\n```"}
                {"text": "### Human: Hi\n### Assistant: Hello!"}
                """#)
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        // A pre-templated text is made of its template's markers.
        guard sample.format != .text else { return }
        for index in sample.turns.indices where !sample.turns[index].isToolCall && sample.turns[index].role != .tool {
            let hasLines = sample.turns[index].marks.contains(.newline)
            // A one-line text that doesn't start like a marker can't hold one: it is passed unread.
            guard hasLines || Self.markers.mayStart(with: sample.turns[index].leadingByte) else { continue }
            var from = 0
            var found: Range<Int>?
            // Exemptions are looked at only once a marker turns up (the question asks for a dialogue, or the marker
            // is code), outside the byte search: a closure over the sample would copy it for every turn.
            while let marker = sample.turns[index].text.withUTF8Buffer({
                Self.marker(in: $0, from: from, hasLines: hasLines)
            }) {
                if !Self.isExempt(sample, turn: index, offset: marker.lowerBound) {
                    found = marker
                    break
                }
                from = marker.upperBound
            }
            guard let found else { continue }
            let turn = sample.turns[index]
            let message =
                "prompt-format marker \"\(turn.text(ofUTF8: found))\" inside the \(turn.role?.rawValue ?? turn.tag) turn"
            report.add(Self.self, at: turn.location(ofUTF8: found), message)
        }
    }

    // MARK: - Markers

    /// Alpaca's section headers, flagged with their colon wherever a line starts with them.
    private static let sections = [
        "### Instruction:", "### Input:", "### Response:", "### Human:", "### Assistant:", "### User:", "### System:",
        "Below is an instruction that describes a task",
    ]
    /// Speaker labels, flagged at the start of a line only.
    private static let labels = [
        "Human:", "Assistant:", "USER:", "ASSISTANT:", "User:", "HUMAN:", "用户：", "助手：", "用户:", "助手:",
    ]
    private static let markers = MarkerTable(sections + labels)
    private static let newline = ByteSet([UInt8(ascii: "\n")])

    /// The markers sorted by first byte, with the range of those that start with each byte: most lines start
    /// with a byte no marker starts with, and are passed after one lookup.
    final class MarkerTable: Sendable {
        let markers: [[UInt8]]
        let byFirstByte: [Range<Int>]

        init(_ strings: [String]) {
            let markers = strings.map { Array($0.utf8) }.sorted { ($0.first ?? 0) < ($1.first ?? 0) }
            self.markers = markers
            byFirstByte = (0..<256).map { byte in
                let start = markers.firstIndex { $0.first == UInt8(byte) } ?? 0
                let end = markers.lastIndex { $0.first == UInt8(byte) }.map { $0 + 1 } ?? 0
                return start..<max(start, end)
            }
        }

        /// Whether a line starting with `byte` (or with spaces, then something else) may open with a marker.
        func mayStart(with byte: UInt8) -> Bool {
            byte <= 0x20 || !byFirstByte[Int(byte)].isEmpty
        }

        func marker(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
            for index in byFirstByte[Int(bytes[start])] where PhraseSet.bytes(bytes, at: start, equal: markers[index]) {
                return start..<start + markers[index].count
            }
            return nil
        }
    }

    /// The first marker at the start of a line (after spaces), at or after `from`.
    private static func marker(in bytes: UnsafeBufferPointer<UInt8>, from: Int, hasLines: Bool) -> Range<Int>? {
        if from == 0, let found = marker(in: bytes, lineStart: 0) { return found }
        guard hasLines else { return nil }
        var found: Range<Int>?
        newline.forEachOffset(in: bytes, from: from) { offset in
            found = marker(in: bytes, lineStart: offset + 1)
            return found == nil
        }
        return found
    }

    /// The marker the line starting at `lineStart` opens with, after spaces.
    private static func marker(in bytes: UnsafeBufferPointer<UInt8>, lineStart: Int) -> Range<Int>? {
        guard lineStart < bytes.count else { return nil }
        let start =
            bytes[lineStart] > 0x20 && bytes[lineStart] < 0x80
            ? lineStart : TextBytes.trimmedStart(bytes, from: lineStart)
        guard start < bytes.count else { return nil }
        return markers.marker(at: start, in: bytes)
    }

    /// Words of a request for a dialogue, whose answer labels its speakers.
    private static let dialogueWords = PhraseSet([
        "dialog", "Dialog", "conversation", "Conversation", "script", "Script", "chat", "Chat", "roleplay", "对话", "聊天",
        "剧本",
    ])

    private static func isExempt(_ sample: Sample, turn index: Int, offset: Int) -> Bool {
        let turn = sample.turns[index]
        if CodeRegions(turn.text).contains(offset) { return true }
        guard turn.role == .assistant,
            let prompt = sample.turns[..<index].last(where: { $0.role == .user || $0.role == .system })
        else { return false }
        return prompt.text.withUTF8Buffer { dialogueWords.firstMatch(in: $0) != nil }
    }
}
