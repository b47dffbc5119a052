/// What a run reads: a file or directory path, or standard input.
public enum InputSource: Sendable, Hashable {
    case path(String)
    case standardInput
}

/// How a run behaves, apart from which inputs it reads.
public struct LintOptions: Sendable {
    /// Which rules run.
    public var selection: RuleSelection
    /// Treat every record as this format instead of detecting it per record.
    public var inputFormat: SampleFormat?
    /// Worker threads for per-record work; defaults to the number of cores.
    public var jobs: Int
    /// The version printed in reports (`test` in goldens).
    public var version: String

    public init(selection: RuleSelection = .all, inputFormat: SampleFormat? = nil, jobs: Int = 0, version: String) {
        self.selection = selection
        self.inputFormat = inputFormat
        self.jobs = jobs
        self.version = version
    }
}



/// Runs the checks over the inputs and builds the report.
public struct Linter: Sendable {
    public var checks: [any Check]
    public var options: LintOptions

    public init(checks: [any Check] = allChecks, options: LintOptions) {
        self.checks = checks
        self.options = options
    }

    /// Lints every input; throws only when work can't go on (a missing path, an unreadable file).
    public func run(_ inputs: [InputSource]) throws(SFTLintError) -> Report {
        Report(
            tool: .init(version: options.version), files: [], findings: [], rules: [],
            score: Score(findings: [], records: 0, categories: []))
    }
}
