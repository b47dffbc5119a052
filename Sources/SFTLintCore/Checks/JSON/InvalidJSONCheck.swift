/// Flags records (and files) that aren't valid JSON.
struct InvalidJSONCheck: SampleCheck {
    static let info = CheckInfo(
        code: "J001",
        name: "invalid-json",
        summary: "A record, or the file around it, is not valid JSON.",
        rationale: """
            Training loaders either stop at the first record they can't parse or silently drop it, so the data \
            that trains is not the data you reviewed. The message names what the parser expected and where.
            """,
        severity: .error,
        triggering: [
            Example(
                #"""
                {"instruction": "Name a colour.", "output": "Blue."}
                ! {"instruction": "Name a fruit.", "output": }
                {"instruction": "Name a tree.", "output": "Oak."}
                """#),
            Example(
                #"""
                ! {"instruction": "Add 2 and 2.", "output": "4."} trailing
                ! {"instruction": "列出三种颜色。", 'output': "红、黄、蓝。"}
                """#),
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Name a colour.", "output": "Blue."}
                {"instruction": "列出三种颜色。", "output": "红、黄、蓝。"}
                """#)
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        for case .invalidJSON(let message, let offset) in sample.defects {
            report.add(Self.self, at: sample.location(atOffset: offset), message)
        }
    }
}
