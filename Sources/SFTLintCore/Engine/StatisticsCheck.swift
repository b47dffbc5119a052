/// A dataset-level rule that needs nothing but the run's statistics: it keeps no state of its own, and concludes
/// from the figures the engine collects anyway (`DatasetStatistics`), so it costs nothing per record.
public protocol StatisticsCheck: Check {
    func conclude(_ statistics: DatasetStatistics, report: inout Findings)
}
