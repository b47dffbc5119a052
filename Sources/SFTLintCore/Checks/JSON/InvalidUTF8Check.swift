/// Flags bytes that aren't UTF-8, and escapes that UTF-8 can't encode.
struct InvalidUTF8Check: SampleCheck {
    static let info = CheckInfo(
        code: "J002",
        name: "invalid-utf8",
        summary: "A record holds bytes that are not UTF-8, or an unpaired surrogate escape.",
        rationale: """
            JSON is UTF-8. Loaders either reject the record or replace the bytes with U+FFFD, and tokenizers fail \
            on lone surrogates ("surrogates not allowed"); the model trains on mojibake or the job crashes hours in.
            """,
        severity: .error,
        triggering: [
            Example(
                #"""
                {"instruction": "Say hello in French.", "output": "Bonjour."}
                ! {"instruction": "Say café.", "output": "caf\xE9"}
                ! {"instruction": "写一个字。", "output": "\xE5\xAD"}
                """#),
            Example(
                #"""
                ! {"instruction": "Print a smiley.", "output": "\ud83d"}
                """#),
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Say café.", "output": "café \u00e9 \ud83d\ude00"}
                {"instruction": "写一个字。", "output": "字"}
                """#)
        ]
    )

    func inspect(_ sample: Sample, report: inout Findings) {
        for case .invalidUTF8(let message, let offset, let pointer) in sample.defects {
            report.add(Self.self, at: sample.location(atOffset: offset, pointer: pointer), message)
        }
    }
}
