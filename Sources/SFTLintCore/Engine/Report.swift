/// Everything a reporter renders: the findings, what was read, the score and statistics.
public struct Report: Sendable {
    /// Name and version of the tool, as reports print them.
    public struct Tool: Sendable, Hashable {
        public var name: String
        public var version: String

        public init(name: String = "sftlint", version: String) {
            self.name = name
            self.version = version
        }
    }

    /// One input file and what it held.
    public struct File: Sendable, Hashable {
        public var path: String
        /// Records per detected format; records matching no format are not counted here.
        public var formats: [SampleFormat: Int]
        /// Records framed in the file, valid or not.
        public var records: Int

        public init(path: String, formats: [SampleFormat: Int], records: Int) {
            self.path = path
            self.formats = formats
            self.records = records
        }

        /// The file's format for display: the only one, `mixed`, or `unknown` when no record matched one.
        public var formatName: String {
            let present = formats.filter { $0.value > 0 }
            if present.count > 1 { return "mixed" }
            return present.first?.key.rawValue ?? "unknown"
        }
    }

    /// Findings of one rule that a run counted but did not keep (`--max-findings-per-rule`).
    public struct Omission: Sendable, Hashable {
        public var code: String
        public var rule: String
        public var severity: Severity
        public var count: Int

        public init(code: String, rule: String, severity: Severity, count: Int) {
            self.code = code
            self.rule = rule
            self.severity = severity
            self.count = count
        }
    }

    public var tool: Tool
    public var files: [File]
    /// In report order (`Finding.reportOrder`): the first findings of each rule, up to the run's limit.
    public var findings: [Finding]
    /// Findings counted beyond the limit, by rule, sorted by code. Counts, the score and `stats` include them.
    public var omitted: [Omission]
    /// The rules that ran, sorted by code.
    public var rules: [CheckInfo]
    public var score: Score
    /// Statistics the dataset checks published, by key, for the JSON report's `stats`.
    public var stats: [String: JSONValue]
    /// Set when a baseline hid findings (`--baseline`): the findings, counts and score are then the new ones only.
    public var baseline: BaselineComparison?

    public init(
        tool: Tool, files: [File], findings: [Finding], rules: [CheckInfo], score: Score,
        stats: [String: JSONValue] = [:], omitted: [Omission] = []
    ) {
        self.tool = tool
        self.files = files
        self.findings = findings
        self.omitted = omitted
        self.rules = rules
        self.score = score
        self.stats = stats
    }

    /// Records over all files.
    public var records: Int { files.reduce(0) { $0 + $1.records } }

    /// Records per format over all files.
    public var formats: [SampleFormat: Int] {
        files.reduce(into: [:]) { total, file in total.merge(file.formats, uniquingKeysWith: +) }
    }

    /// How many findings have `severity`, omitted ones included.
    public func count(_ severity: Severity) -> Int {
        findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
            + omitted.reduce(0) { $0 + ($1.severity == severity ? $1.count : 0) }
    }

    /// Findings per rule code, omitted ones included, for the summary table.
    public var countsByCode: [String: Int] {
        var counts = findings.reduce(into: [String: Int]()) { $0[$1.code, default: 0] += 1 }
        for omission in omitted { counts[omission.code, default: 0] += omission.count }
        return counts
    }
}
