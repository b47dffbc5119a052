/// Flags records whose fields match no supported format.
struct UnknownFormatCheck: SampleCheck {
    static let info = CheckInfo(
        code: "S001",
        name: "unknown-format",
        summary: "A record's fields match no supported format.",
        rationale: """
            A trainer maps fields by name (instruction/output, conversations, messages, text, prompt/completion). \
            A record with none of them is dropped or crashes the formatting step.
            """,
        severity: .error,
        triggering: [
            Example(
                #"""
                {"instruction": "Name a colour.", "output": "Blue."}
                ! {"question": "What is 2 + 2?", "reply": "4."}
                ! {"问题": "你好吗？", "回答": "很好。"}
                ! {}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Name a colour.", "output": "Blue."}
                {"conversations": [{"from": "human", "value": "你好"}, {"from": "gpt", "value": "你好！"}]}
                {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]}
                {"text": "<s>[INST] Hi [/INST] Hello!</s>"}
                {"prompt": "The sky is", "completion": " blue."}
                """#)
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        for case .unknownFormat(let keys) in sample.defects {
            let fields = keys.isEmpty ? "an empty object" : "fields " + keys.map { "\"\($0)\"" }.joined(separator: ", ")
            report.add(
                Self.self, at: sample.location,
                "\(fields) match no format: expected instruction/output, conversations, messages, text, or prompt/completion")
        }
    }
}
