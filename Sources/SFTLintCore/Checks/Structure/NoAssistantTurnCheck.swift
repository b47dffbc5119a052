/// Flags samples with no assistant turn, or one that doesn't end with the assistant.
struct NoAssistantTurnCheck: SampleCheck {
    static let info = CheckInfo(
        code: "S010",
        name: "no-assistant-turn",
        summary: "A sample has no assistant turn, or its last turn is not the assistant's.",
        rationale: """
            Trainers compute the loss on assistant turns: a sample without one teaches nothing and wastes compute; \
            a trailing user or tool turn is masked out and teaches nothing at the end.
            """,
        severity: .error,
        triggering: [
            Example(
                #"""
                ! {"conversations": [{"from": "human", "value": "Hi"}]}
                ! {"conversations": [{"from": "human", "value": "你好"}, {"from": "gpt", "value": "你好！"}, {"from": "human", "value": "再见"}]}
                ! {"messages": []}
                ! {"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Weather?"}, {"role": "assistant", "content": null, "tool_calls": [{"id": "a"}]}, {"role": "tool", "content": "Sunny"}]}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello!"}]}
                {"instruction": "你好", "output": "你好！"}
                {"text": "<s>[INST] Hi [/INST] Hello!</s>"}
                {"prompt": [{"role": "user", "content": "Hi"}], "completion": [{"role": "assistant", "content": "Hello!"}]}
                """#)
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        guard sample.isWellFormed else { return }
        // Indices, not turns: a copied turn retains its strings, on every record.
        let turns = sample.turns
        guard let last = turns.indices.last(where: { turns[$0].role != nil }) else {
            report.add(Self.self, at: sample.location, "no turns: the sample teaches nothing")
            return
        }
        if !turns.indices.contains(where: { turns[$0].role == .assistant }) {
            report.add(Self.self, at: sample.location, "no assistant turn: the sample teaches nothing")
        } else if turns[last].role != .assistant {
            let pointer = JSONPointer.display(turns[last].pointer)
            report.add(
                Self.self, at: turns[last].location,
                "last turn \(pointer) is \"\(turns[last].tag)\": nothing after it is learned")
        }
    }
}
