/// The options of rules, as the command line (and later a config file) sets them.
///
/// A check that has options keeps them as typed properties with defaults and conforms to `ConfigurableCheck`:
/// the engine hands it these settings once, before the run, and runs the configured copy.
public struct RuleSettings: Sendable, Hashable {
    /// D003, D004: the Jaccard similarity of shingles at which two prompts are near-duplicates
    /// (`--near-dup-threshold`).
    public var nearDuplicateThreshold = 0.8
    /// D004: eval or benchmark data that training prompts must not repeat (`--against`).
    public var against: [InputSource] = []
    /// D004: the prompts of `against`, which the linter reads before the training data.
    public var evalIndex: EvalIndex?
    /// Threads a rule may use for its work after the data is read (D003's candidate search); the linter sets it
    /// from `LintOptions.jobs`. 0: one per core.
    public var jobs = 0
    /// L001 short-response: a response with fewer words than this is short when its prompt asks for a long form;
    /// a CJK character counts as half a word, so the default 2 means 2 words or 4 CJK characters.
    public var shortResponseWords = 2
    /// The sequence length a model trains at, in estimated tokens (`--max-tokens`): turns on L002 and the
    /// report's `stats.budget`. Nil: no budget.
    public var maxTokens: Int?

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
        if let maxTokens { arguments += ["--max-tokens", String(maxTokens)] }
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
