extension Configuration {
    /// The configuration as a config file, every key present: what it sets, and the default of what it leaves
    /// out (`null` where the default is off). Reading the output back gives the same configuration.
    public func json(defaults: LintOptions) -> JSONValue {
        let settings = settings(over: defaults.settings)
        var object: [String: JSONValue] = [
            "select": .array((select ?? []).map(JSONValue.string)),
            "ignore": .array((ignore ?? []).map(JSONValue.string)),
            "severity": Self.json(severities),
            "fail-on": .string(failOn ?? "error"),
            "fail-under": failUnder.map { .decimal($0, places: Self.places($0)) } ?? .null,
            "input-format": (inputFormat ?? defaults.inputFormat).map { .string($0.rawValue) } ?? .null,
            "max-findings-per-rule": .integer(maxFindingsPerRule ?? defaults.maxFindingsPerRule),
            "near-dup-threshold": .decimal(
                settings.nearDuplicateThreshold, places: Self.places(settings.nearDuplicateThreshold)),
            "against": .array((against ?? []).map(JSONValue.string)),
            "short-response-words": .integer(settings.shortResponseWords),
            "max-tokens": .integer(settings.maxTokens),
            "eos": settings.eos.map(JSONValue.string) ?? .null,
            "special-tokens": .array(settings.specialTokens.map(JSONValue.string)),
            "boilerplate-phrases": .array(settings.boilerplatePhrases.map(JSONValue.string)),
            "overrides": .array(overrides.map(Self.json)),
            "rules": .array(rules.map(Self.json)),
        ]
        object["//"] = .string(file.map { "read from \($0)" } ?? "no config file: defaults and command-line flags")
        return .object(object)
    }

    /// Decimals enough to show a setting exactly as written (0.85, not 0.8).
    private static func places(_ value: Double) -> Int {
        (1...6).first { places in
            NumberFormatting.fixed(value, places: places).flatMap(Double.init) == value
        } ?? 6
    }

    private static func json(_ severities: SeverityOverrides) -> JSONValue {
        let pairs = severities.entries.map { ($0.selector, JSONValue.string($0.severity.rawValue)) }
        return .object(Dictionary(pairs) { _, later in later })
    }

    private static func json(_ override: PathOverride) -> JSONValue {
        .object([
            "paths": .array(override.paths.map { .string($0.text) }),
            "select": .array(override.select.map(JSONValue.string)),
            "ignore": .array(override.ignore.map(JSONValue.string)),
            "severity": json(override.severities),
        ])
    }

    private static func json(_ rule: CustomRule) -> JSONValue {
        .object([
            "code": .string(rule.code), "name": .string(rule.name), "pattern": .string(rule.pattern),
            "in": .string(rule.scope.rawValue), "severity": .string(rule.severity.rawValue),
            "message": .string(rule.message),
        ])
    }
}
