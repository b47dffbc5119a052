import SFTLintCore

@testable import SFTLintCLI

/// A text stream that keeps what is written, shared by reference so the test can read it after the run.
final class Capture: TextOutputStream {
    var text = ""

    func write(_ string: String) {
        text += string
    }
}

/// What the fake engine was asked to do.
final class LintCalls: @unchecked Sendable {
    var calls: [(inputs: [InputSource], options: LintOptions)] = []
}

/// One in-process run of the command.
struct Outcome {
    var status: ExitStatus
    var output: String
    var errors: String
}

enum Harness {
    static func info(
        _ code: String, _ name: String, _ severity: Severity = .warning, activation: String? = nil
    ) -> CheckInfo {
        CheckInfo(
            code: code, name: name, summary: "Summary of \(name).", rationale: "Why \(name) hurts.",
            severity: severity,
            triggering: [Example("{\"a\": 1}\n! {\"a\": 2}")],
            nonTriggering: [Example("{\"a\": 3}"), Example("{\"a\": 4}")],
            activation: activation)
    }

    static let rules = [
        info("S011", "empty-turn", .error),
        info("D002", "conflicting-response"),
        info("L004", "short-response", .info, activation: "only with --min-response-length"),
    ]

    static func finding(_ severity: Severity, code: String = "S011", record: Int? = 0) -> Finding {
        Finding(
            code: code, rule: "rule-\(code.lowercased())", severity: severity, message: "something is wrong",
            location: Location(path: "data.jsonl", fileIndex: 0, line: 3, column: 7, record: record, pointer: "/a"))
    }

    static func report(_ severities: [Severity] = [], score: Double = 100) -> Report {
        Report(
            tool: .init(version: "test"),
            files: [.init(path: "data.jsonl", formats: [.alpaca: 10], records: 10)],
            findings: severities.map { finding($0) }, rules: rules, score: Score(overall: score, categories: [:]))
    }

    /// Runs `arguments` against a fake engine that returns `report`, or throws `failure`.
    static func run(
        _ arguments: [String], report: Report = report(), failure: SFTLintError? = nil,
        environment: [String: String] = [:], isTerminal: Bool = false, calls: LintCalls = LintCalls()
    ) -> Outcome {
        let output = Capture()
        let errors = Capture()
        var console = Console(
            standardOutput: output, standardError: errors, environment: environment, isTerminal: isTerminal)
        let toolkit = Toolkit(rules: rules) { inputs, options throws(SFTLintError) in
            calls.calls.append((inputs, options))
            if let failure { throw failure }
            return report
        }
        let status = SFTLintCommand.run(arguments, console: &console, toolkit: toolkit)
        return Outcome(status: status, output: output.text, errors: errors.text)
    }
}
