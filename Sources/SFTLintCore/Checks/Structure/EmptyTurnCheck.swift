/// Flags conversation turns with no text.
struct EmptyTurnCheck: SampleCheck {
    static let info = CheckInfo(
        code: "S011",
        name: "empty-turn",
        summary: "A turn of a conversation is empty or only whitespace.",
        rationale: """
            An empty assistant turn trains the model to end its answer at once; an empty user turn trains it to \
            answer a question nobody asked. Tool-call turns without text are fine and not flagged.
            """,
        severity: .error,
        triggering: [
            Example(
                #"""
                ! {"conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": ""}]}
                ! {"messages": [{"role": "user", "content": "  "}, {"role": "assistant", "content": "你好！"}]}
                ! {"messages": [{"role": "user", "content": [{"type": "text", "text": ""}]}, {"role": "assistant", "content": "Hello!"}]}
                ! {"instruction": "继续。", "output": "好的。", "history": [["你好", ""]]}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello!"}]}
                {"messages": [{"role": "user", "content": "天气？"}, {"role": "assistant", "content": null, "tool_calls": [{"id": "1", "type": "function", "function": {"name": "weather", "arguments": "{}"}}]}, {"role": "tool", "content": "晴"}, {"role": "assistant", "content": "晴天。"}]}
                """#)
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        for case .emptyTurn(_, let tag, let pointer, let offset) in sample.defects {
            // Name the turn (`conversations[1]`), not its text field; history pairs are turns themselves.
            let isPairItem = pointer.split(separator: "/").last?.allSatisfy(\.isASCIIDigitCharacter) ?? false
            let turnPointer = isPairItem ? pointer : String(pointer[..<(pointer.lastIndex(of: "/") ?? pointer.endIndex)])
            let place = JSONPointer.display(turnPointer)
            report.add(
                Self.self, at: sample.location(atOffset: offset, pointer: pointer), "\(place) (\"\(tag)\") has no text")
        }
    }
}
