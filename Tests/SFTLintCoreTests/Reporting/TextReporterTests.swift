import Testing

@testable import SFTLintCore

@Suite struct TextReporterTests {
    let summary =
        "2 files · 48,210 records (alpaca 12,004 · sharegpt 36,206) · 2 errors · 1 warning · 1 info · score 93.8/100"

    @Test func rendersFindingsNotesCountsAndSummary() {
        let expected = #"""
            data/train.jsonl:15:3: warning: same prompt as line 14, different response [D002 conflicting-response]
            data/train.jsonl:14:3: note: first seen here
            data/train.jsonl:20:18: error: contains "<|im_end|>" [E003 special-token]
            data/train.jsonl:31:1: info: response is one character: "好"	after 你好/世界\#u{1} [L004 short-response]
            data/chat.json:1:1: error: file starts with a byte order mark \ufeff [J005 byte-order-mark]

            D002  conflicting-response  1
            E003  special-token         1
            J005  byte-order-mark       1
            L004  short-response        1

            scores        json 99.8 · duplicates 99.9 · endings 99.8 · length 100.0

            \#(summary)

            """#
        #expect(TextReporter().render(SampleReport.report) == expected)
    }

    @Test func statisticsLeavesOutFindings() {
        let expected = """
            D002  conflicting-response  1
            E003  special-token         1
            J005  byte-order-mark       1
            L004  short-response        1

            scores        json 99.8 · duplicates 99.9 · endings 99.8 · length 100.0

            \(summary)

            """
        #expect(TextReporter(options: .init(statisticsOnly: true)).render(SampleReport.report) == expected)
    }

    @Test func quietLeavesOutCounts() {
        let output = TextReporter(options: .init(quiet: true)).render(SampleReport.report)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 8)
        #expect(lines[4].hasPrefix("data/chat.json:1:1: error:"))
        #expect(lines[5] == "")
        #expect(lines[6] == summary[...])
        #expect(lines[7] == "")
    }

    @Test func statisticsAndQuietLeaveTheSummary() {
        let reporter = TextReporter(options: ReporterOptions(statisticsOnly: true, quiet: true))
        #expect(reporter.render(SampleReport.report) == summary + "\n")
    }

    @Test func noFindingsIsOnlyTheSummary() {
        let report = SampleReport.clean(files: [.init(path: "a.jsonl", formats: [.openai: 1], records: 1)])
        #expect(
            TextReporter().render(report)
                == "1 file · 1 record (openai 1) · 0 errors · 0 warnings · 0 infos · score 100.0/100\n")
    }

    @Test func noRecordsHasNoFormatList() {
        let report = SampleReport.clean(files: [.init(path: "empty.jsonl", formats: [:], records: 0)])
        #expect(
            TextReporter().render(report) == "1 file · 0 records · 0 errors · 0 warnings · 0 infos · score 100.0/100\n")
        #expect(TextReporter().render(SampleReport.clean(files: [])).hasPrefix("0 files · 0 records · "))
    }

    @Test func formatsFollowDeclarationOrder() {
        let files: [Report.File] = [
            .init(path: "b.jsonl", formats: [.promptCompletion: 2, .text: 1_000_000], records: 1_000_002),
            .init(path: "a.jsonl", formats: [.openai: 3, .alpaca: 4], records: 7),
        ]
        let line = TextReporter().render(SampleReport.clean(files: files))
        #expect(
            line.hasPrefix(
                "2 files · 1,000,009 records (alpaca 4 · openai 3 · text 1,000,000 · prompt-completion 2) · "))
    }

    @Test func countTableRightAlignsGroupedCounts() {
        let many = Array(repeating: SampleReport.findings[1], count: 1_200) + [SampleReport.findings[0]]
        var report = SampleReport.report
        report.findings = many
        let output = TextReporter(options: .init(statisticsOnly: true)).render(report)
        #expect(output.hasPrefix("D002  conflicting-response      1\nE003  special-token         1,200\n\n"))
        #expect(output.contains(" · 1,200 errors · 1 warning · 0 infos · "))
    }

    @Test func colorStylesSeveritiesAndCodesOnly() {
        let output = TextReporter(options: .init(color: true)).render(SampleReport.report)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(
            lines[0]
                == "data/train.jsonl:15:3: \u{1B}[1;33mwarning\u{1B}[0m: same prompt as line 14, different response [\u{1B}[2mD002\u{1B}[0m conflicting-response]"
        )
        #expect(lines[1] == "data/train.jsonl:14:3: note: first seen here")
        #expect(lines[2].hasPrefix("data/train.jsonl:20:18: \u{1B}[1;31merror\u{1B}[0m: "))
        #expect(lines[3].hasPrefix("data/train.jsonl:31:1: \u{1B}[1;34minfo\u{1B}[0m: "))
        #expect(lines[5] == "\u{1B}[2mD002\u{1B}[0m  conflicting-response  1")
        #expect(lines.last == summary)
        #expect(!TextReporter().render(SampleReport.report).contains("\u{1B}"))
    }

    @Test(arguments: [
        (0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (48_210, "48,210"), (1_234_567, "1,234,567"),
        (-12_345, "-12,345"),
    ])
    func groupsThousands(value: Int, text: String) {
        #expect(NumberFormatting.grouped(value) == text)
    }

    @Test(arguments: [
        (93.8, "93.8"), (100, "100.0"), (0, "0.0"), (36.79, "36.8"), (0.04, "0.0"), (-2.25, "-2.3"), (-0.01, "0.0"),
    ])
    func formatsScores(value: Double, text: String) {
        #expect(NumberFormatting.score(value) == text)
    }
}
