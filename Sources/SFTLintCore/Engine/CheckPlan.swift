/// The checks of a run, split by shape, with a way to make fresh dataset state for each batch.
struct CheckPlan: Sendable {
    /// Boxed, so that calling a check for every record doesn't copy its value each time.
    let sampleChecks: [SampleCheckBox]
    let datasetChecks: [any DatasetCheck]
    let statisticsChecks: [any StatisticsCheck]
    let infos: [CheckInfo]
    /// The checks that run on a file, by profile (see `RuleProfiles`).
    let masks: [Mask]
    /// Mask index of each input file, by file index; files past its end use mask 0.
    let maskOfFile: [Int]
    /// Whether any file's findings get a configured severity, so that a run without one never looks them up.
    let hasSeverities: Bool

    /// Which checks of the plan run on a file, and the severities its findings get.
    struct Mask: Sendable {
        /// Indices into `sampleChecks` and `datasetChecks`.
        let sampleChecks: [Int]
        let datasetChecks: [Int]
        /// Configured severities by rule code; empty when every rule keeps its default.
        let severities: [String: Severity]
    }

    /// Every check on every file, at default severities.
    init(_ checks: [any Check]) {
        self.init(checks, profiles: RuleProfiles(selection: .all, severities: SeverityOverrides()))
    }

    init(_ checks: [any Check], profiles: RuleProfiles) {
        let samples = checks.compactMap { $0 as? any SampleCheck }
        let datasets = checks.compactMap { $0 as? any DatasetCheck }
        sampleChecks = samples.map { SampleCheckBox.make($0) }
        datasetChecks = datasets
        // Statistics rules conclude on the whole run's figures, so they run when any file selects them.
        statisticsChecks = checks.compactMap { $0 as? any StatisticsCheck }
        infos = checks.map(\.info).sorted { $0.code < $1.code }
        masks = profiles.profiles.map { profile in
            let severities = checks.reduce(into: [String: Severity]()) { all, check in
                if let severity = profile.severities.severity(for: check.info) { all[check.info.code] = severity }
            }
            return Mask(
                sampleChecks: samples.indices.filter { profile.selection.includes(samples[$0].info) },
                datasetChecks: datasets.indices.filter { profile.selection.includes(datasets[$0].info) },
                severities: severities)
        }
        maskOfFile = profiles.profileOfFile
        hasSeverities = masks.contains { !$0.severities.isEmpty }
    }

    /// The checks that run on the file with this index.
    func mask(forFile index: Int) -> Mask {
        masks[index < maskOfFile.count ? maskOfFile[index] : 0]
    }

    /// Empty state for every dataset check, in plan order.
    func makeStates() -> [any DatasetStateBox] {
        datasetChecks.map { makeBox($0) }
    }

    private func makeBox<C: DatasetCheck>(_ check: C) -> any DatasetStateBox {
        StateBox(check)
    }
}

/// A dataset check with its state, type-erased so a run can hold checks of different state types.
///
/// Owned by one thread at a time: a worker fills it for one batch, then the run merges it in data order.
protocol DatasetStateBox: AnyObject, Sendable {
    func observe(_ sample: Sample)
    /// Folds in a box of the same check holding the state of later records.
    func merge(_ later: any DatasetStateBox)
    func conclude(into report: inout Findings)
    func statistics() -> [String: JSONValue]
}

final class StateBox<C: DatasetCheck>: DatasetStateBox, @unchecked Sendable {
    let check: C
    /// Owned by one thread at a time (see `DatasetStateBox`), so the dynamic exclusivity check on every record is
    /// left out.
    @exclusivity(unchecked) var state = C.State()

    init(_ check: C) {
        self.check = check
    }

    func observe(_ sample: Sample) {
        check.observe(sample, into: &state)
    }

    func merge(_ later: any DatasetStateBox) {
        guard let later = later as? StateBox<C> else { return }
        state.merge(later.state)
    }

    func conclude(into report: inout Findings) {
        check.conclude(state, report: &report)
    }

    func statistics() -> [String: JSONValue] {
        check.statistics(state)
    }
}

/// A sample check in a class, called through one reference: calling a check held as `any SampleCheck` copies
/// the check for every record, which costs as much as a cheap check's work.
class SampleCheckBox: @unchecked Sendable {
    func inspect(_ sample: Sample, report: inout Findings) {}

    static func make(_ check: any SampleCheck) -> SampleCheckBox { box(check) }

    private static func box<C: SampleCheck>(_ check: C) -> SampleCheckBox { TypedSampleCheckBox(check) }
}

final class TypedSampleCheckBox<C: SampleCheck>: SampleCheckBox, @unchecked Sendable {
    let check: C

    init(_ check: C) {
        self.check = check
    }

    override func inspect(_ sample: Sample, report: inout Findings) {
        check.inspect(sample, report: &report)
    }
}
