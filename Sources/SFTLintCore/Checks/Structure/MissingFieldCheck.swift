/// Flags required fields that are absent.
struct MissingFieldCheck: SampleCheck {
    static let info = CheckInfo(
        code: "S002",
        name: "missing-field",
        summary: "A field the record's format requires is absent.",
        rationale: """
            Without its instruction, response, turn text or role the record can't be templated: loaders raise \
            KeyError, or worse, train on an empty string in its place.
            """,
        severity: .error,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Name a colour."}
                ! {"instrution": "Name a colour.", "output": "Blue."}
                ! {"conversations": [{"from": "human"}, {"from": "gpt", "value": "你好！"}]}
                ! {"messages": [{"content": "Hi"}, {"role": "assistant", "content": "Hello!"}]}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Name a colour.", "output": "Blue."}
                {"instruction": "翻译成英文。", "input": "你好", "output": "Hello."}
                {"messages": [{"role": "user", "content": "Weather?"}, {"role": "assistant", "tool_calls": [{"id": "1", "type": "function", "function": {"name": "weather", "arguments": "{}"}}]}, {"role": "tool", "content": "Sunny"}, {"role": "assistant", "content": "Sunny."}]}
                """#)
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        for case .missingField(let field, let pointer, let offset) in sample.defects {
            let parent = JSONPointer.display(String(pointer.dropLast(field.count + 1)))
            let place = parent.isEmpty ? "" : " in \(parent)"
            report.add(Self.self, at: sample.location(atOffset: offset, pointer: pointer), "missing \"\(field)\"\(place)")
        }
    }
}
