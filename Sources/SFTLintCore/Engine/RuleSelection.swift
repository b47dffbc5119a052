// STUB: the CLI helper implements `RuleSelection` here.
/// Which rules a run uses, from `--select` and `--ignore`.
public struct RuleSelection: Sendable {
    public static let all = RuleSelection()
    public init() {}
    /// Whether the rule with this code and name runs.
    public func includes(_ info: CheckInfo) -> Bool { true }
}
