/// Everything a person needs to learn one rule: its code, name, severity, why it matters and examples.
public struct CheckInfo: Sendable, Hashable {
    /// Category letter plus three digits, such as `S009`. Never reused.
    public let code: String
    /// Kebab-case name of the defect, such as `role-order`.
    public let name: String
    /// One capitalised sentence ending in a period.
    public let summary: String
    /// Why the defect hurts a fine-tuned model.
    public let rationale: String
    public let severity: Severity
    /// Examples that must flag the lines marked `! `.
    public let triggering: [Example]
    /// Examples that must not flag anything.
    public let nonTriggering: [Example]
    /// Whether the rule only runs when an option turns it on (stated in `sftlint rules`).
    public let activation: String?

    public init(
        code: String, name: String, summary: String, rationale: String, severity: Severity,
        triggering: [Example], nonTriggering: [Example], activation: String? = nil
    ) {
        self.code = code
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.severity = severity
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.activation = activation
    }

    public var category: Category? { Category(code: code) }
}
