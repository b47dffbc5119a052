/// Flags objects that repeat a key.
struct DuplicateKeyCheck: SampleCheck {
    static let info = CheckInfo(
        code: "J003",
        name: "duplicate-key",
        summary: "An object repeats a key, so one of its values is silently lost.",
        rationale: """
            Python's json and most loaders keep the last value and drop the earlier one without a word: the \
            response you read while reviewing may not be the one that trains.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Name a colour.", "output": "Blue.", "output": "Red."}
                {"instruction": "Name a fruit.", "output": "Apple."}
                ! {"conversations": [{"from": "human", "from": "gpt", "value": "你好"}]}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Name a colour.", "output": "Blue."}
                {"conversations": [{"from": "human", "value": "你好"}, {"from": "gpt", "value": "你好！"}]}
                """#)
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        for case .duplicateKey(let key, let offset, let firstOffset, let pointer) in sample.defects {
            report.add(
                Self.self, at: sample.location(atOffset: offset, pointer: pointer),
                "duplicate key \"\(key)\": most loaders keep this value and drop the earlier one",
                related: [RelatedLocation(sample.location(atOffset: firstOffset, pointer: pointer), note: "first \"\(key)\" here")])
        }
    }
}
