/// Renders a report in one output format; a pure function of the `Report`.
public protocol Reporter: Sendable {
    /// The value of `--format`.
    static var id: String { get }
    static var summary: String { get }
    /// Whether the format prints findings' fingerprints, so that the run must compute them.
    static var showsFingerprints: Bool { get }
    /// Makes the reporter from the command line's presentation options; a format ignores those it has no use for.
    init(options: ReporterOptions)
    func render(_ report: Report) -> String
}

extension Reporter {
    /// Most formats don't print fingerprints.
    public static var showsFingerprints: Bool { false }
}

/// How a report is presented, as `--color`, `--statistics` and `--quiet` set it.
public struct ReporterOptions: Sendable, Hashable {
    /// ANSI colours for a terminal.
    public var color: Bool
    /// Only the per-rule counts, the statistics and the summary line: no findings.
    public var statisticsOnly: Bool
    /// Only the findings and the summary line: no per-rule counts, no statistics.
    public var quiet: Bool

    public init(color: Bool = false, statisticsOnly: Bool = false, quiet: Bool = false) {
        self.color = color
        self.statisticsOnly = statisticsOnly
        self.quiet = quiet
    }
}

/// Every built-in reporter, in the order `--help` lists them; the first is the default.
public let allReporters: [any Reporter.Type] = [
    TextReporter.self,
    JSONReporter.self,
    MarkdownReporter.self,
    HTMLReporter.self,
    SARIFReporter.self,
    GitHubReporter.self,
    JUnitReporter.self,
]

/// The reporter whose `id` is `id`, or nil.
public func reporterType(id: String) -> (any Reporter.Type)? {
    allReporters.first { $0.id == id }
}
