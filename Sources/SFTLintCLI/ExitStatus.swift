import SFTLintCore

/// The exit codes documented in DESIGN.md.
public enum ExitStatus: Int32, Sendable {
    /// Nothing reached the gate.
    case success = 0
    /// The data failed the gate: a finding at `--fail-on` or above, or a score under `--fail-under`.
    case failure = 1
    /// A usage error, unreadable input, or an internal error. `--exit-zero` doesn't hide it.
    case error = 2
}

/// Decides whether a report fails the run, from `--fail-on`, `--fail-under` and `--exit-zero`.
struct Gate: Equatable, Sendable {
    /// The lowest severity that fails the run.
    enum FailOn: String, CaseIterable, Sendable {
        case error
        case warning
        case info
        case never

        var threshold: Severity? {
            switch self {
            case .error: .error
            case .warning: .warning
            case .info: .info
            case .never: nil
            }
        }
    }

    var failOn: FailOn = .error
    /// Fails when the score is below this; a score equal to it passes.
    var failUnder: Double?
    var isExitZero = false

    /// Whether the report fails the gate, whatever `--exit-zero` says.
    func isFailing(_ report: Report) -> Bool {
        if let threshold = failOn.threshold,
            report.findings.contains(where: { $0.severity >= threshold })
                || report.omitted.contains(where: { $0.severity >= threshold })
        {
            return true
        }
        if let failUnder, report.score.overall < failUnder { return true }
        return false
    }

    func status(for report: Report) -> ExitStatus {
        isFailing(report) && !isExitZero ? .failure : .success
    }
}

/// `--color`: whether the text report uses ANSI colours.
enum ColorChoice: String, CaseIterable, Sendable {
    case auto
    case always
    case never

    /// `auto` colours only a terminal, and only when `NO_COLOR` is unset or empty (no-color.org); `always` and
    /// `never` are explicit and win over `NO_COLOR`.
    func isEnabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
        }
    }
}
