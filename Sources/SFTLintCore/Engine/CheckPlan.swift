/// The checks of a run, split by shape, with a way to make fresh dataset state for each batch.
struct CheckPlan: Sendable {
    /// Boxed, so that calling a check for every record doesn't copy its value each time.
    let sampleChecks: [SampleCheckBox]
    let datasetChecks: [any DatasetCheck]
    let statisticsChecks: [any StatisticsCheck]
    let infos: [CheckInfo]

    init(_ checks: [any Check]) {
        sampleChecks = checks.compactMap { ($0 as? any SampleCheck).map { SampleCheckBox.make($0) } }
        datasetChecks = checks.compactMap { $0 as? any DatasetCheck }
        statisticsChecks = checks.compactMap { $0 as? any StatisticsCheck }
        infos = checks.map { type(of: $0).info }.sorted { $0.code < $1.code }
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
