/// Flags records that are valid JSON but not objects.
struct NotAnObjectCheck: SampleCheck {
    static let info = CheckInfo(
        code: "J004",
        name: "not-an-object",
        summary: "A record is valid JSON but not an object.",
        rationale: """
            Every SFT format is a JSON object per record. An array, string or number where a record should be \
            usually means a file nested one level too deep or a stray line, and loaders reject it.
            """,
        severity: .error,
        triggering: [
            Example(
                #"""
                {"instruction": "Name a colour.", "output": "Blue."}
                ! ["Name a colour.", "Blue."]
                ! "你好"
                ! 42
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Name a colour.", "output": "Blue."}
                {"instruction": "你好", "output": "你好！"}
                """#)
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        for case .notAnObject(let found) in sample.defects {
            report.add(Self.self, at: sample.location, "record is \(found.phrase), expected an object")
        }
    }
}
