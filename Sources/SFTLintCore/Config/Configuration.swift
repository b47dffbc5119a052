import Foundation

/// What a config file (`sftlint.json`) sets; a key left out is nil (or empty) and keeps the default.
///
/// The CLI reads one from a file, lays the command-line flags over it (`merging(_:)`), and applies the result to
/// `LintOptions`. A library can do the same with `load(path:rules:)` and `apply(to:rules:)`.
public struct Configuration: Sendable, Hashable {
    /// The file it was read from; nil when no file was read.
    public var file: String?
    /// The directory that `against` and `overrides[].paths` are relative to: the config file's.
    public var directory: String

    public var select: [String]?
    public var ignore: [String]?
    public var severities = SeverityOverrides()
    /// One of `failOnLevels`.
    public var failOn: String?
    public var failUnder: Double?
    public var inputFormat: SampleFormat?
    public var maxFindingsPerRule: Int?

    // MARK: - Rule options

    public var nearDuplicateThreshold: Double?
    /// Paths relative to the working directory (the decoder resolves the file's against its directory); `-` is
    /// standard input.
    public var against: [String]?
    public var shortResponseWords: Int?
    public var maxTokens: Int?
    public var eos: String?
    public var specialTokens: [String]?
    public var boilerplatePhrases: [String]?

    // MARK: - Per path and custom rules

    public var overrides: [PathOverride] = []
    public var rules: [CustomRule] = []

    /// The values of `fail-on`.
    public static let failOnLevels = ["error", "warning", "info", "never"]
    /// The names a config file may have, looked for in this order in each directory.
    public static let fileNames = ["sftlint.json", ".sftlint.json"]

    /// Sets nothing.
    public init(directory: String = ".") {
        self.directory = directory
    }

    /// Reads and decodes the config file at `path`; `rules` are the built-in rules its selectors may name.
    public static func load(path: String, rules: [CheckInfo]) throws(SFTLintError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason =
                !exists ? InputResolver.missingReason(path)
                : isDirectory.boolValue ? "it is a directory" : "permission denied or unreadable"
            throw SFTLintError("cannot read config file '\(path)': \(reason)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try Configuration(
            decoding: [UInt8](data), file: path, directory: directory.isEmpty ? "." : directory, rules: rules)
    }

    /// This configuration with every key that `later` sets taken from `later`, as flags override the file.
    /// Lists are replaced, not joined: `--ignore C005` replaces the file's `ignore`.
    public func merging(_ later: Configuration) -> Configuration {
        var merged = self
        merged.select = later.select ?? select
        merged.ignore = later.ignore ?? ignore
        merged.severities = severities.followed(by: later.severities)
        merged.failOn = later.failOn ?? failOn
        merged.failUnder = later.failUnder ?? failUnder
        merged.inputFormat = later.inputFormat ?? inputFormat
        merged.maxFindingsPerRule = later.maxFindingsPerRule ?? maxFindingsPerRule
        merged.nearDuplicateThreshold = later.nearDuplicateThreshold ?? nearDuplicateThreshold
        merged.against = later.against ?? against
        merged.shortResponseWords = later.shortResponseWords ?? shortResponseWords
        merged.maxTokens = later.maxTokens ?? maxTokens
        merged.eos = later.eos ?? eos
        merged.specialTokens = later.specialTokens ?? specialTokens
        merged.boilerplatePhrases = later.boilerplatePhrases ?? boilerplatePhrases
        merged.overrides += later.overrides
        merged.rules += later.rules
        return merged
    }

    /// The rule settings this configuration sets, over `settings`.
    public func settings(over settings: RuleSettings) -> RuleSettings {
        var settings = settings
        if let nearDuplicateThreshold { settings.nearDuplicateThreshold = nearDuplicateThreshold }
        if let against { settings.against = against.map { $0 == "-" ? .standardInput : .path($0) } }
        if let shortResponseWords { settings.shortResponseWords = shortResponseWords }
        if let maxTokens { settings.maxTokens = maxTokens }
        if let eos { settings.eos = eos }
        if let specialTokens { settings.specialTokens = specialTokens }
        if let boilerplatePhrases { settings.boilerplatePhrases = boilerplatePhrases }
        return settings
    }

    /// Sets the options this configuration covers; `rules` are the built-in rules, which with the custom ones
    /// are what `select` and `ignore` resolve against. The gate (`fail-on`, `fail-under`) is the caller's.
    public func apply(to options: inout LintOptions, rules: [CheckInfo]) throws(SFTLintError) {
        let all = rules + self.rules.map(\.info)
        options.selection = try RuleSelection(select: select ?? [], ignore: ignore ?? [], rules: all)
        options.severities = severities
        if let inputFormat { options.inputFormat = inputFormat }
        if let maxFindingsPerRule { options.maxFindingsPerRule = maxFindingsPerRule }
        options.settings = settings(over: options.settings)
        options.overrides = PathOverrides(directory: directory, entries: overrides)
        options.customRules = self.rules
    }
}
