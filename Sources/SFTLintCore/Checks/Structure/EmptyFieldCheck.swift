/// Flags required text fields that hold no text.
struct EmptyFieldCheck: SampleCheck {
    static let info = CheckInfo(
        code: "S004",
        name: "empty-field",
        summary: "A required text field (instruction, output, text, prompt, completion) is empty or only whitespace.",
        rationale: """
            An empty response teaches the model to answer with nothing, at once; an empty instruction teaches it \
            to produce that answer unprompted.
            """,
        severity: .error,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Name a colour.", "output": ""}
                ! {"instruction": "   ", "input": "", "output": "Blue."}
                ! {"instruction": "写一首诗。", "output": "\n\t"}
                ! {"prompt": "", "completion": "blue."}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Name a colour.", "input": "", "output": "Blue."}
                {"instruction": "写一首诗。", "system": "", "output": "床前明月光。"}
                """#)
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        for case .emptyField(let pointer, let offset) in sample.defects {
            report.add(
                Self.self, at: sample.location(atOffset: offset, pointer: pointer),
                "\"\(JSONPointer.display(pointer))\" has no text")
        }
    }
}
