/// Flags conversations whose turns are out of order.
struct RoleOrderCheck: SampleCheck {
    static let info = CheckInfo(
        code: "S009",
        name: "role-order",
        summary: "Turns are out of order: a late system turn, an opening assistant turn, or a role that repeats.",
        rationale: """
            Chat templates assume system first, then user and assistant alternating, with tool results between a \
            call and the answer. Llama and Mistral templates raise on anything else; LLaMA-Factory drops the sample; \
            templates that accept it train the model on a conversation that never happens.
            """,
        severity: .error,
        triggering: [
            Example(
                #"""
                ! {"conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello!"}, {"from": "gpt", "value": "How can I help?"}]}
                ! {"conversations": [{"from": "gpt", "value": "你好！"}, {"from": "human", "value": "你好"}, {"from": "gpt", "value": "有什么可以帮你？"}]}
                ! {"messages": [{"role": "user", "content": "Hi"}, {"role": "system", "content": "Be brief."}, {"role": "assistant", "content": "Hello!"}]}
                ! {"messages": [{"role": "user", "content": "天气？"}, {"role": "tool", "content": "晴"}, {"role": "assistant", "content": "晴天。"}]}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"system": "Be brief.", "conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello!"}]}
                {"conversations": [{"from": "human", "value": "北京天气？"}, {"from": "function_call", "value": "{\"name\": \"weather\"}"}, {"from": "observation", "value": "{\"sky\": \"晴\"}"}, {"from": "gpt", "value": "北京晴天。"}]}
                {"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Two cities?"}, {"role": "assistant", "content": null, "tool_calls": [{"id": "a"}, {"id": "b"}]}, {"role": "tool", "content": "Sunny"}, {"role": "tool", "content": "Rain"}, {"role": "assistant", "content": "Sunny, then rain."}]}
                {"instruction": "继续。", "output": "好的。", "history": [["你好", "你好！"]]}
                {"text": "<s>[INST] Hi [/INST] Hello!</s>"}
                """#)
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        // A pre-templated text is one turn with no order to judge.
        guard sample.isWellFormed, sample.format != .text else { return }
        // Turns are named by index, not copied: a copy of a turn retains its strings, on every record.
        let turns = sample.turns
        var previous: Int?
        /// The last turn that isn't a system prompt: alternation is judged against it.
        var previousSpeaker: Int?
        for index in turns.indices {
            guard let role = turns[index].role else { continue }
            if let problem = problem(role: role, previous: previous, previousSpeaker: previousSpeaker, in: turns) {
                report.add(
                    Self.self, at: turns[index].location,
                    "\(JSONPointer.display(turns[index].pointer)) is \"\(turns[index].tag)\"\(problem)")
            }
            previous = index
            if role != .system { previousSpeaker = index }
        }
    }

    private func problem(role: Role, previous: Int?, previousSpeaker: Int?, in turns: [Turn]) -> String? {
        let before = previousSpeaker.map { turns[$0].role }
        switch role {
        case .system:
            guard let previous, turns[previous].role != .system else { return nil }
            return " after \"\(turns[previous].tag)\": the system prompt must come first"
        case .user:
            guard let previousSpeaker, before == .user || before == .tool else { return nil }
            if before == .tool {
                return " after tool result \"\(turns[previousSpeaker].tag)\": the assistant must answer it first"
            }
            return " after \"\(turns[previousSpeaker].tag)\": roles must alternate"
        case .assistant:
            guard let previousSpeaker else { return ": a conversation must start with the user, not the assistant" }
            guard before == .assistant else { return nil }
            return " after \"\(turns[previousSpeaker].tag)\": roles must alternate"
        case .tool:
            guard let previousSpeaker else { return ": a tool result must follow a tool call" }
            if before == .tool || (before == .assistant && turns[previousSpeaker].isToolCall) { return nil }
            return " after \"\(turns[previousSpeaker].tag)\": a tool result must follow a tool call"
        }
    }
}
