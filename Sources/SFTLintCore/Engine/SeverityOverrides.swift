/// Severities that replace rules' defaults, as a config file's `severity` sets them: by code (`C003`), code
/// prefix (`D`) or name (`near-duplicate`).
///
/// The most specific selector that matches a rule wins, as in `RuleSelection`; of two equally specific ones,
/// the later wins, so a per-path override beats the top-level setting. The engine applies them to findings
/// after the checks ran, so checks only ever report their default severity.
public struct SeverityOverrides: Sendable, Hashable {
    /// One selector and the severity it sets, in the order given.
    public struct Entry: Sendable, Hashable {
        public var selector: String
        public var severity: Severity

        public init(_ selector: String, _ severity: Severity) {
            self.selector = selector
            self.severity = severity
        }
    }

    public private(set) var entries: [Entry] = []
    private var resolved: [(selector: RuleSelection.Selector, severity: Severity)] = []

    /// No override: every rule keeps its default.
    public init() {}

    /// Resolves `entries` against `rules`; throws for a selector that names no rule and no category.
    public init(_ entries: [Entry], rules: [CheckInfo]) throws(SFTLintError) {
        self.entries = entries
        for entry in entries {
            guard let selector = RuleSelection.Selector.resolve(entry.selector, rules: rules) else {
                throw SFTLintError("unknown rule '\(entry.selector)' in severity; see 'sftlint rules'")
            }
            resolved.append((selector, entry.severity))
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The configured severity of the rule, or nil when no selector matches it.
    public func severity(for info: CheckInfo) -> Severity? {
        var best: (specificity: Int, severity: Severity)?
        for entry in resolved {
            guard let specificity = entry.selector.specificity(for: info) else { continue }
            if let current = best, specificity < current.specificity { continue }
            best = (specificity, entry.severity)
        }
        return best?.severity
    }

    /// These overrides followed by `later`, whose selectors win ties.
    public func followed(by later: SeverityOverrides) -> SeverityOverrides {
        var merged = self
        merged.entries += later.entries
        merged.resolved += later.resolved
        return merged
    }

    public static func == (a: SeverityOverrides, b: SeverityOverrides) -> Bool { a.entries == b.entries }

    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }
}
