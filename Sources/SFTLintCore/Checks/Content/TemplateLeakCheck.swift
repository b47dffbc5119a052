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
                """#),
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        // A pre-templated text is made of its template's markers.
        guard sample.format != .text else { return }
        for index in sample.turns.indices where !sample.turns[index].isToolCall && sample.turns[index].role != .tool {
            let hasLines = sample.turns[index].marks.contains(.newline)
            let found = sample.turns[index].text.withUTF8Bytes { bytes in
                Self.marker(in: bytes, hasLines: hasLines) { offset in
                    // Only once something turns up: the question asks for a dialogue, or the marker is code.
                    Self.isExempt(sample, turn: index, offset: offset)
                }
            }
            guard let found else { continue }
            let turn = sample.turns[index]
            let message = "prompt-format marker \"\(turn.text(ofUTF8: found))\" inside the \(turn.role?.rawValue ?? turn.tag) turn"
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
    private static let markers = (sections + labels).map { Array($0.utf8) }
    /// The markers by first byte: most lines start with a byte no marker starts with.
    private static let markersByFirstByte: [[[UInt8]]] = (0..<256).map { byte in markers.filter { $0.first == UInt8(byte) } }
    private static let newline = ByteSet([UInt8(ascii: "\n")])

    /// The first marker at the start of a line (after spaces) that `isExempt` doesn't excuse.
    private static func marker(
        in bytes: UnsafeBufferPointer<UInt8>, hasLines: Bool, isExempt: (Int) -> Bool
    ) -> Range<Int>? {
        if let found = marker(in: bytes, lineStart: 0), !isExempt(found.lowerBound) { return found }
        guard hasLines else { return nil }
        var found: Range<Int>?
        newline.forEachOffset(in: bytes) { offset in
            guard let marker = marker(in: bytes, lineStart: offset + 1), !isExempt(marker.lowerBound) else { return true }
            found = marker
            return false
        }
        return found
    }

    /// The marker the line starting at `lineStart` opens with, after spaces.
    private static func marker(in bytes: UnsafeBufferPointer<UInt8>, lineStart: Int) -> Range<Int>? {
        guard lineStart < bytes.count else { return nil }
        let start = bytes[lineStart] > 0x20 && bytes[lineStart] < 0x80 ? lineStart : TextBytes.trimmedStart(bytes, from: lineStart)
        guard start < bytes.count else { return nil }
        for marker in markersByFirstByte[Int(bytes[start])] where PhraseSet.bytes(bytes, at: start, equal: marker) {
            return start..<start + marker.count
        }
        return nil
    }

    /// Words of a request for a dialogue, whose answer labels its speakers.
    private static let dialogueWords = PhraseSet([
        "dialog", "Dialog", "conversation", "Conversation", "script", "Script", "chat", "Chat", "roleplay", "对话", "聊天", "剧本",
    ])

    private static func isExempt(_ sample: Sample, turn index: Int, offset: Int) -> Bool {
        let turn = sample.turns[index]
        if CodeRegions(turn.text).contains(offset) { return true }
        guard turn.role == .assistant,
            let prompt = sample.turns[..<index].last(where: { $0.role == .user || $0.role == .system })
        else { return false }
        return prompt.text.withUTF8Bytes { dialogueWords.firstMatch(in: $0) != nil }
    }
}
