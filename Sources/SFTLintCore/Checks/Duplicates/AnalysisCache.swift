import Foundation

/// Remembers what a dataset state concluded, so that `conclude` and `statistics` share one analysis of a million
/// records instead of running it twice.
///
/// A state keeps one cache and replaces it when it merges; the analysis is also keyed by the number of records
/// the state holds, so a state that observed more since is analysed again.
final class AnalysisCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (records: Int, value: Value)?

    init() {}

    /// The analysis of a state holding `records` records, computed on first use.
    func value(records: Int, _ compute: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored, stored.records == records { return stored.value }
        let value = compute()
        stored = (records, value)
        return value
    }
}
