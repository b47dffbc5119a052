import Dispatch

/// A round of batches being checked on the worker threads while the linter's own thread reads and frames the
/// next round: reading a file and checking it overlap instead of taking turns.
///
/// Why: framing (finding where each record ends) runs on one thread; while it framed a round, the cores that
/// check waited, and while they checked, the file waited. The linter waits for a round only when the next is
/// framed, and absorbs rounds in data order, so results don't change.
final class CheckingRound: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once by the round's thread before it leaves the group; read only after `wait()`, which orders
    /// the read after the write.
    private var outcomes: [BatchOutcome] = []

    init(_ work: @escaping @Sendable () -> [BatchOutcome]) {
        DispatchQueue.global().async(group: group) { [self] in outcomes = work() }
    }

    /// The round's outcomes, once every batch of it is checked.
    func wait() -> [BatchOutcome] {
        group.wait()
        return outcomes
    }
}
