import Foundation
import SFTLintCore
import Testing

@testable import SFTLintCLI

/// `--format markdown|html` and `--html FILE`.
@Suite struct ReportFormatTests {
    /// A fresh directory holding `data.jsonl`, as `ReportFileTests` makes it.
    func withDirectory(_ body: (String) throws -> Void) throws {
        try ReportFileTests().withDirectory(body)
    }

    @Test(arguments: ["markdown", "html"])
    func formatsPrintToStandardOutput(format: String) throws {
        let report = Harness.report([.warning])
        let outcome = Harness.run(["check", "--format", format, "data.jsonl"], report: report, isTerminal: true)
        #expect(outcome.status == .success)
        let expected = try #require(reporterType(id: format)).init(options: ReporterOptions()).render(report)
        #expect(outcome.output == expected)
        #expect(!outcome.output.contains("\u{1B}"))
    }

    @Test func htmlGoesToItsFileBesideTheChosenFormat() throws {
        try withDirectory { directory throws in
            let report = Harness.report([.error])
            let path = directory + "/report.html"
            let outcome = Harness.run(
                ["check", "--format", "json", "--html", path, directory + "/data.jsonl"], report: report)
            #expect(outcome.status == .failure)
            #expect(outcome.output == JSONReporter().render(report))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == HTMLReporter().render(report))
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == [
                    "data.jsonl", "report.html",
                ])
        }
    }

    @Test func htmlAndOutputTogether() throws {
        try withDirectory { directory throws in
            let report = Harness.report([.info])
            let outcome = Harness.run(
                ["check", "--output", directory + "/r.txt", "--html=\(directory)/r.html", directory], report: report)
            #expect(outcome.status == .success)
            #expect(outcome.output.isEmpty)
            #expect(try String(contentsOfFile: directory + "/r.txt", encoding: .utf8) == TextReporter().render(report))
            #expect(try String(contentsOfFile: directory + "/r.html", encoding: .utf8) == HTMLReporter().render(report))
        }
    }

    @Test func htmlNeverWritesOverAnInput() throws {
        try withDirectory { directory throws in
            let data = directory + "/data.jsonl"
            let calls = LintCalls()
            for arguments in [
                ["check", "--html", data, data], ["check", "--html", data, directory],
                ["check", "--html", data, "--against", data, "train.jsonl"],
                ["check", "--output", data, "--against", directory, "train.jsonl"],
            ] {
                let outcome = Harness.run(arguments, calls: calls)
                #expect(outcome.status == .error)
                #expect(
                    outcome.errors.contains("'\(data)' is an input of this run; sftlint never writes over its input"))
                #expect(outcome.errors.hasPrefix("error: \(arguments[1]) "))
            }
            #expect(calls.calls.isEmpty)
            #expect(
                try String(contentsOfFile: data, encoding: .utf8)
                    == "{\"instruction\": \"hi\", \"output\": \"hello\"}\n")
        }
    }

    @Test func htmlAndOutputMustDiffer() throws {
        try withDirectory { directory throws in
            let calls = LintCalls()
            let outcome = Harness.run(
                ["check", "--output", directory + "/r.html", "--html", directory + "/./r.html", "x.jsonl"], calls: calls
            )
            #expect(outcome.status == .error)
            #expect(outcome.errors.hasPrefix("error: --html and --output name the same file"))
            #expect(calls.calls.isEmpty)
        }
    }

    @Test func anUnwritableHTMLPathIsAnError() throws {
        try withDirectory { directory throws in
            let path = directory + "/missing/r.html"
            let outcome = Harness.run(["check", "--html", path, "--exit-zero", "x.jsonl"])
            #expect(outcome.status == .error)
            #expect(outcome.errors == "error: cannot write the report to '\(path)': No such file or directory\n")
            #expect(outcome.output.isEmpty)
        }
    }
}
