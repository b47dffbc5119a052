/// The options of rules, as the command line (and later a config file) sets them.
///
/// A check that has options keeps them as typed properties with defaults and conforms to `ConfigurableCheck`:
/// the engine hands it these settings once, before the run, and runs the configured copy.
public struct RuleSettings: Sendable, Hashable {
    /// The model's end-of-sequence token (`--eos`): E001 checks every response ends with it, E003 leaves it to E001.
    public var eos: String?
    /// Control tokens E003 flags besides the common ones (`--special-token`).
    public var specialTokens: [String] = []
    /// Phrases C003 flags besides its curated English and Chinese list.
    public var boilerplatePhrases: [String] = []

    /// Settings that leave every rule at its defaults, unless given.
    public init(eos: String? = nil, specialTokens: [String] = [], boilerplatePhrases: [String] = []) {
        self.eos = eos
        self.specialTokens = specialTokens
        self.boilerplatePhrases = boilerplatePhrases
    }

    /// The settings as command-line options, for showing an example's settings (`--eos </s>`).
    public var arguments: [String] {
        var arguments: [String] = []
        if let eos { arguments += ["--eos", eos] }
        for token in specialTokens { arguments += ["--special-token", token] }
        return arguments
    }
}

/// A check whose behaviour depends on `RuleSettings`.
public protocol ConfigurableCheck: Check {
    /// This check with the settings applied; settings it doesn't use leave it unchanged.
    func configured(with settings: RuleSettings) -> Self
}

extension Linter {
    /// Every check configured with `settings`.
    static func configure(_ checks: [any Check], with settings: RuleSettings) -> [any Check] {
        checks.map { check in
            guard let configurable = check as? any ConfigurableCheck else { return check }
            return configurable.configured(with: settings)
        }
    }
}
