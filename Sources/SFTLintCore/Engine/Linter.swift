import Foundation

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
    /// Bytes a batch of records aims at: the unit of work a core takes, and of the memory a run holds per core.
    public var batchBytes: Int
    /// Options of individual rules.
    public var settings = RuleSettings()
    /// Findings kept per rule; the rest are counted, not held, so a run's memory doesn't grow with the defect
    /// count. 0 keeps every finding.
    public var maxFindingsPerRule = 1000
    /// Severities that replace rules' defaults (a config file's `severity`).
    public var severities = SeverityOverrides()
    /// Rule changes for the files some paths match (a config file's `overrides`).
    public var overrides = PathOverrides()
    /// Regex rules defined without Swift (a config file's `rules`); they run like the checks the linter holds.
    public var customRules: [CustomRule] = []
    /// Whether findings get content fingerprints (`Finding.fingerprint`), for baselines and the JSON and SARIF
    /// reports. Costs a hash of every record and 8 bytes a record for the run; off, fingerprints stay empty.
    public var isFingerprinting = true

    public init(
        selection: RuleSelection = .all, inputFormat: SampleFormat? = nil, jobs: Int = 0, version: String,
        batchBytes: Int = 4 << 20
    ) {
        self.selection = selection
        self.inputFormat = inputFormat
        self.jobs = jobs
        self.version = version
        self.batchBytes = batchBytes
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
        let resolved = try InputResolver.resolve(inputs)
        let jobs = options.jobs > 0 ? options.jobs : ProcessInfo.processInfo.activeProcessorCount
        // Eval data (`--against`) is read first: checks compare each training sample with it as they see it.
        var settings = try options.settings.readingEvalIndex(jobs: jobs)
        settings.jobs = jobs
        let custom = try options.customRules.map { rule throws(SFTLintError) in try RegexRuleCheck(rule) }
        let all = checks + custom
        let profiles = try RuleProfiles(files: resolved.map(\.file), options: options, rules: all.map(\.info))
        let selected = all.filter { profiles.includesAnywhere($0.info) }
        let plan = CheckPlan(Linter.configure(selected, with: settings), profiles: profiles)
        let builder = SampleBuilder(forcedFormat: options.inputFormat)
        var run = RunState(
            files: resolved.map(\.file), plan: plan, maxFindingsPerRule: options.maxFindingsPerRule,
            statistics: DatasetStatistics(maxTokens: settings.maxTokens))
        run.isFingerprinting = options.isFingerprinting

        // Batches from several files share one round, so a directory of small files still uses every core. With
        // more than one job, a round is checked while the next is framed (`CheckingRound`); it is absorbed, in
        // data order, before the next starts, whose statistics continue the run's.
        var pending: [Batch] = []
        let round = max(2 * jobs, 2)
        /// Checking `batches` on the cores. Each batch's statistics start from the run's as they are now, so that
        /// the distinct counters skip what the run already holds.
        func checking(_ batches: [Batch]) -> @Sendable () -> [BatchOutcome] {
            let statistics = run.statistics.emptyBatch()
            let isFingerprinting = run.isFingerprinting
            return {
                Parallel.map(batches, jobs: jobs) {
                    BatchOutcome(
                        batch: $0, plan: plan, builder: builder, statistics: statistics,
                        isFingerprinting: isFingerprinting)
                }
            }
        }
        var inFlight: CheckingRound?
        do {
            for input in resolved {
                var framer = RecordFramer(file: input.file, reader: try input.open(), chunkSize: options.batchBytes)
                while let batch = try framer.nextBatch() {
                    pending.append(batch)
                    guard pending.count >= round else { continue }
                    if let inFlight { run.absorb(inFlight.wait()) }
                    let work = checking(pending)
                    // One job means one thread: no overlap.
                    inFlight = jobs > 1 ? CheckingRound(work) : nil
                    if inFlight == nil { run.absorb(work()) }
                    pending.removeAll(keepingCapacity: true)
                }
            }
        } catch {
            // No work outlives the run: the round in flight finishes first.
            _ = inFlight?.wait()
            throw error
        }
        if let inFlight { run.absorb(inFlight.wait()) }
        run.absorb(checking(pending)())
        return run.report(tool: Report.Tool(version: options.version), rules: plan.infos)
    }
}

/// What one batch produced: findings of the sample checks, dataset state, and counts.
struct BatchOutcome: Sendable {
    let fileIndex: Int
    var findings = Findings()
    let states: [any DatasetStateBox]
    var statistics: DatasetStatistics
    var records = 0
    /// The content hash of each record, in order, for fingerprints.
    var contentHashes: [UInt64] = []
    /// Records per format, indexed like `SampleFormat.allCases`: counted per record, so no hashing.
    var formatCounts = [Int](repeating: 0, count: SampleFormat.allCases.count)

    var formats: [SampleFormat: Int] {
        Dictionary(uniqueKeysWithValues: zip(SampleFormat.allCases, formatCounts).filter { $0.1 > 0 })
    }

    init(
        batch: Batch, plan: CheckPlan, builder: SampleBuilder, statistics: DatasetStatistics, isFingerprinting: Bool
    ) {
        fileIndex = batch.file.index
        states = plan.makeStates()
        self.statistics = statistics
        let mask = plan.mask(forFile: batch.file.index)
        // The file's sample checks, unretained: the plan keeps them alive, and a retain and a release of each for
        // every record cost as much as a cheap check's work.
        let sampleChecks = mask.sampleChecks.map { Unmanaged.passUnretained(plan.sampleChecks[$0]) }
        for frame in batch.frames {
            let sample = builder.sample(from: frame, in: batch)
            if sample.isRecord {
                records += 1
                if isFingerprinting { contentHashes.append(Fingerprint.contentHash(of: sample)) }
                if let format = sample.format { formatCounts[format.index] += 1 }
            }
            // First, so that the length rules find the sample's profile measured.
            self.statistics.observe(sample)
            for check in sampleChecks { check._withUnsafeGuaranteedRef { $0.inspect(sample, report: &findings) } }
            // A dataset rule that is off for this file doesn't see its samples at all.
            for index in mask.datasetChecks { states[index].observe(sample) }
        }
    }
}

/// The run so far: merged dataset state, findings, and what each file held.
struct RunState {
    var files: [Report.File]
    let states: [any DatasetStateBox]
    let plan: CheckPlan
    let maxFindingsPerRule: Int
    var kept: [Finding] = []
    /// Findings per rule code, kept or not.
    var counted: [String: Int] = [:]
    /// The first finding of each rule beyond the limit, standing for the rest (rule name and severity); by
    /// severity too, since a config file's per-path severities can give one rule's findings several.
    var overflow: [Overflow: (finding: Finding, count: Int)] = [:]
    /// Statistics of the whole run, and the samples and lengths of each file.
    var statistics: DatasetStatistics
    var fileStatistics: [SampleStatistics]
    /// The content hash of every record, by file: 8 bytes a record, for fingerprints.
    var contentHashes: [[UInt64]]
    var isFingerprinting = true

    struct Overflow: Hashable {
        let code: String
        let severity: Severity
    }

    init(files: [InputFile], plan: CheckPlan, maxFindingsPerRule: Int, statistics: DatasetStatistics) {
        self.files = files.map { Report.File(path: $0.path, formats: [:], records: 0) }
        contentHashes = Array(repeating: [], count: files.count)
        self.states = plan.makeStates()
        self.plan = plan
        self.maxFindingsPerRule = maxFindingsPerRule
        self.statistics = statistics
        fileStatistics = files.map { _ in statistics.emptyBatch().samples }
    }

    /// Folds in batch outcomes, which must come in data order.
    mutating func absorb(_ outcomes: [BatchOutcome]) {
        for outcome in outcomes {
            keep(outcome.findings.all)
            files[outcome.fileIndex].records += outcome.records
            contentHashes[outcome.fileIndex].append(contentsOf: outcome.contentHashes)
            files[outcome.fileIndex].formats.merge(outcome.formats, uniquingKeysWith: +)
            for (state, later) in zip(states, outcome.states) { state.merge(later) }
            statistics.merge(outcome.statistics)
            fileStatistics[outcome.fileIndex].merge(outcome.statistics.samples)
        }
    }

    /// Keeps the first findings of each rule, in data order, and counts the others.
    private mutating func keep(_ findings: [Finding]) {
        for var finding in findings {
            // Configured severities apply here, after the checks, so a check only knows its own default.
            if plan.hasSeverities,
                let severity = plan.mask(forFile: finding.location.fileIndex).severities[finding.code]
            {
                finding.severity = severity
            }
            let count = counted[finding.code, default: 0]
            counted[finding.code] = count + 1
            if maxFindingsPerRule == 0 || count < maxFindingsPerRule {
                kept.append(finding)
            } else {
                overflow[Overflow(code: finding.code, severity: finding.severity), default: (finding, 0)].count += 1
            }
        }
    }

    mutating func report(tool: Report.Tool, rules: [CheckInfo]) -> Report {
        var concluded = Findings()
        for state in states { state.conclude(into: &concluded) }
        for check in plan.statisticsChecks { check.conclude(statistics, report: &concluded) }
        keep(concluded.all)
        var sorted = kept.sorted(by: Finding.reportOrder)
        if isFingerprinting { Fingerprint.assign(to: &sorted, contentHashes: contentHashes) }
        let omitted = overflow.keys.sorted { ($0.code, $1.severity) < ($1.code, $0.severity) }.compactMap { key in
            overflow[key].map {
                Report.Omission(code: key.code, rule: $0.finding.rule, severity: key.severity, count: $0.count)
            }
        }
        let tallies = kept.map { (code: $0.code, severity: $0.severity, count: 1) }
            + omitted.map { (code: $0.code, severity: $0.severity, count: $0.count) }
        let records = files.reduce(0) { $0 + $1.records }
        let score = Score(tallies: tallies, records: records, categories: Set(rules.compactMap(\.category)))
        var stats = states.reduce(into: [String: JSONValue]()) { all, state in
            all.merge(state.statistics()) { first, _ in first }
        }
        let perFile = zip(files, fileStatistics).map { (path: $0.path, statistics: $1) }
        stats.merge(statistics.json(files: perFile)) { first, _ in first }
        return Report(
            tool: tool, files: files, findings: sorted, rules: rules, score: score, stats: stats, omitted: omitted)
    }
}
