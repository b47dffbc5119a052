/// Flags role tags that no format defines.
struct UnknownRoleCheck: SampleCheck {
    static let info = CheckInfo(
        code: "S008",
        name: "unknown-role",
        summary: "A turn's role tag is not one the format defines.",
        rationale: """
            Chat templates map roles by exact tag; an unknown tag raises in apply_chat_template or, in LLaMA-Factory, \
            drops the whole sample as malformed.
            """,
        severity: .error,
        triggering: [
            Example(
                #"""
                ! {"conversations": [{"from": "human", "value": "Hi"}, {"from": "gtp", "value": "Hello!"}]}
                ! {"messages": [{"role": "User", "content": "你好"}, {"role": "assistant", "content": "你好！"}]}
                ! {"messages": [{"role": "user", "content": "Hi"}, {"role": "narrator", "content": "Hello!"}]}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"conversations": [{"from": "human", "value": "Hi"}, {"from": "function_call", "value": "{}"}, {"from": "observation", "value": "{}"}, {"from": "gpt", "value": "Done."}]}
                {"messages": [{"role": "developer", "content": "简洁。"}, {"role": "user", "content": "你好"}, {"role": "assistant", "content": "你好！"}]}
                """#)
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        for case .unknownRole(let tag, let pointer, let offset, let suggestion) in sample.defects {
            let hint: String
            if let suggestion {
                hint = "; did you mean \"\(suggestion)\"?"
            } else {
                let known = sample.format == .openai || sample.format == .promptCompletion
                    ? RoleTags.openai.keys.sorted() : RoleTags.sharegpt.keys.sorted()
                hint = "; expected one of \(known.joined(separator: ", "))"
            }
            report.add(Self.self, at: sample.location(atOffset: offset, pointer: pointer), "unknown role \"\(tag)\"\(hint)")
        }
    }
}
