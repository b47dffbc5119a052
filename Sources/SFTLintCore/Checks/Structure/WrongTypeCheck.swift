/// Flags fields whose value is of the wrong kind.
struct WrongTypeCheck: SampleCheck {
    static let info = CheckInfo(
        code: "S003",
        name: "wrong-type",
        summary: "A field holds the wrong kind of value, such as null where text belongs.",
        rationale: """
            A null or numeric response becomes the string "None" or "42" in a template, or breaks Arrow's schema \
            inference for the whole file ("Column changed from string to null").
            """,
        severity: .error,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Name a colour.", "output": null}
                ! {"instruction": "Count to three.", "output": [1, 2, 3]}
                ! {"conversations": {"from": "human", "value": "你好"}}
                ! {"messages": [{"role": "user", "content": 42}, {"role": "assistant", "content": "好的"}]}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Name a colour.", "input": null, "output": "Blue."}
                {"messages": [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}, {"role": "assistant", "content": "Hello!"}]}
                {"messages": [{"role": "user", "content": [{"type": "text", "value": "你好"}], "loss_weight": 0.0}, {"role": "assistant", "content": [{"type": "text", "value": "你好！"}], "loss_weight": 1.0}]}
                """#)
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        for case .wrongType(let pointer, let expected, let found, let offset) in sample.defects {
            report.add(
                Self.self, at: sample.location(atOffset: offset, pointer: pointer),
                "\"\(JSONPointer.display(pointer))\" is \(found.phrase), expected \(expected)")
        }
    }
}
