import Foundation

extension Configuration {
    /// The keys of the top level, as the README documents them.
    static let topLevelKeys = [
        "select", "ignore", "severity", "fail-on", "fail-under", "input-format", "max-findings-per-rule",
        "near-dup-threshold", "against", "short-response-words", "max-tokens", "eos", "special-tokens",
        "boilerplate-phrases", "overrides", "rules",
    ]
    static let overrideKeys = ["paths", "select", "ignore", "severity"]
    static let ruleKeys = ["code", "name", "pattern", "in", "severity", "message"]
    static let severityNames = Severity.allCases.reversed().map(\.rawValue)

    /// Decodes a config file's bytes. `file` names it in errors, `directory` is what its relative paths are
    /// relative to, and `rules` are the built-in rules its selectors may name.
    ///
    /// Throws for invalid JSON, an unknown key, a wrong type, a bad value, an unknown rule or an invalid regular
    /// expression, with the key path and the file's `path:line:col`.
    public init(decoding bytes: [UInt8], file: String, directory: String, rules: [CheckInfo]) throws(SFTLintError) {
        self.init(directory: directory)
        self.file = file
        let reader = try ConfigReader(bytes: bytes, file: file)
        let members = try reader.members(of: JSONDocument.root, "", allowed: Self.topLevelKeys)
        // Custom rules first, wherever the key is: the other keys may select them.
        if let node = members.first(where: { $0.key == "rules" })?.value {
            self.rules = try Self.customRules(node, reader: reader, builtIn: rules)
        }
        let known = rules + self.rules.map(\.info)
        for (key, node) in members where key != "rules" {
            try decode(key, node, reader: reader, rules: known)
        }
    }

    private mutating func decode(
        _ key: String, _ node: Int, reader: ConfigReader, rules: [CheckInfo]
    ) throws(SFTLintError) {
        // `null` leaves a key at its default, so that `sftlint config`'s output reads back as a config file.
        if reader.isNull(node), !["overrides", "select", "ignore", "severity"].contains(key) { return }
        switch key {
        case "select": select = try Self.selectors(node, key, reader: reader, rules: rules)
        case "ignore": ignore = try Self.selectors(node, key, reader: reader, rules: rules)
        case "severity": severities = try Self.severities(node, key, reader: reader, rules: rules)
        case "fail-on": failOn = try reader.choice(node, key, Self.failOnLevels)
        case "fail-under":
            failUnder = try reader.number(node, key, expects: "a number from 0 to 100") { (0...100).contains($0) }
        case "input-format":
            inputFormat = SampleFormat(rawValue: try reader.choice(node, key, SampleFormat.allCases.map(\.rawValue)))
        case "max-findings-per-rule":
            maxFindingsPerRule = try reader.integer(node, key, expects: "a whole number (0 for no limit)") { $0 >= 0 }
        case "near-dup-threshold":
            nearDuplicateThreshold = try reader.number(node, key, expects: "a number above 0 and at most 1") {
                $0 > 0 && $0 <= 1
            }
        case "against": against = try reader.strings(node, key).map(resolved)
        case "short-response-words":
            shortResponseWords = try reader.integer(node, key, expects: "a whole number of 1 or more") { $0 >= 1 }
        case "max-tokens": maxTokens = try reader.integer(node, key, expects: "a whole number of 1 or more") { $0 >= 1 }
        case "eos": eos = try reader.string(node, key)
        case "special-tokens": specialTokens = try reader.strings(node, key)
        case "boilerplate-phrases": boilerplatePhrases = try reader.strings(node, key)
        case "overrides":
            for element in try reader.elements(of: node, key, expected: "an array of objects") {
                overrides.append(try Self.override(element.node, element.path, reader: reader, rules: rules))
            }
        default: break
        }
    }

    /// A path of the file made relative to the working directory; `-` (standard input) and absolute paths stay.
    private func resolved(_ path: String) -> String {
        guard path != "-", !path.hasPrefix("/"), directory != "." else { return path }
        return (directory as NSString).appendingPathComponent(path)
    }

    // MARK: - Rules

    /// Rule selectors, each a code, a code prefix or a name (comma-separated lists allowed, as on the command line).
    private static func selectors(
        _ node: Int, _ keyPath: String, reader: ConfigReader, rules: [CheckInfo]
    ) throws(SFTLintError) -> [String] {
        var selectors: [String] = []
        for element in try reader.elements(of: node, keyPath, expected: "an array of rule codes or names") {
            let text = try reader.string(element.node, element.path)
            try checkSelector(text, at: element.node, element.path, reader: reader, rules: rules)
            selectors.append(text)
        }
        return selectors
    }

    private static func checkSelector(
        _ text: String, at node: Int, _ keyPath: String, reader: ConfigReader, rules: [CheckInfo]
    ) throws(SFTLintError) {
        for piece in text.split(separator: ",") {
            let selector = piece.trimmingCharacters(in: .whitespaces)
            guard selector.isEmpty || RuleSelection.Selector.resolve(selector, rules: rules) != nil else {
                throw reader.error(at: node, keyPath, "unknown rule '\(selector)'; see 'sftlint rules'")
            }
        }
    }

    /// `{"C003": "warning", "D": "error"}`.
    private static func severities(
        _ node: Int, _ keyPath: String, reader: ConfigReader, rules: [CheckInfo]
    ) throws(SFTLintError) -> SeverityOverrides {
        guard reader.document.kind(node) == .object else {
            throw reader.error(at: node, keyPath, "expected an object of rule: severity, got \(reader.described(node))")
        }
        var entries: [SeverityOverrides.Entry] = []
        for member in reader.document.members(of: node) {
            let selector = reader.document.string(member.key)
            if selector == "//" { continue }
            let path = ConfigReader.path(keyPath, selector)
            guard RuleSelection.Selector.resolve(selector, rules: rules) != nil else {
                throw reader.error(at: member.key, path, "unknown rule '\(selector)'; see 'sftlint rules'")
            }
            let severity = try reader.choice(member.value, path, severityNames)
            entries.append(SeverityOverrides.Entry(selector, Severity(rawValue: severity) ?? .warning))
        }
        return try SeverityOverrides(entries, rules: rules)
    }

    private static func override(
        _ node: Int, _ keyPath: String, reader: ConfigReader, rules: [CheckInfo]
    ) throws(SFTLintError) -> PathOverride {
        var override = PathOverride(paths: [])
        for (key, value) in try reader.members(of: node, keyPath, allowed: overrideKeys) {
            let path = ConfigReader.path(keyPath, key)
            switch key {
            case "paths": override.paths = try reader.strings(value, path).map(PathPattern.init)
            case "select": override.select = try selectors(value, path, reader: reader, rules: rules)
            case "ignore": override.ignore = try selectors(value, path, reader: reader, rules: rules)
            case "severity": override.severities = try severities(value, path, reader: reader, rules: rules)
            default: break
            }
        }
        guard !override.paths.isEmpty else {
            throw reader.error(at: node, keyPath, "an override needs \"paths\": the files it applies to")
        }
        return override
    }

    // MARK: - Custom rules

    private static func customRules(
        _ node: Int, reader: ConfigReader, builtIn: [CheckInfo]
    ) throws(SFTLintError) -> [CustomRule] {
        var rules: [CustomRule] = []
        for element in try reader.elements(of: node, "rules", expected: "an array of rule objects") {
            let rule = try customRule(element.node, element.path, reader: reader)
            let taken = builtIn + rules.map(\.info)
            for (key, value, isTaken) in [
                ("code", rule.code, taken.contains { $0.code == rule.code }),
                ("name", rule.name, taken.contains { $0.name == rule.name }),
            ] where isTaken {
                let node = reader.document.member(of: element.node, named: key) ?? element.node
                throw reader.error(at: node, element.path + "." + key, "\(key) '\(value)' is taken")
            }
            rules.append(rule)
        }
        return rules
    }

    private static func customRule(
        _ node: Int, _ keyPath: String, reader: ConfigReader
    ) throws(SFTLintError) -> CustomRule {
        let members = try reader.members(of: node, keyPath, allowed: ruleKeys)
        func required(_ key: String) throws(SFTLintError) -> (node: Int, text: String) {
            guard let value = members.first(where: { $0.key == key })?.value else {
                throw reader.error(at: node, keyPath, "a rule needs \"\(key)\"")
            }
            return (value, try reader.string(value, ConfigReader.path(keyPath, key)))
        }
        func optional(_ key: String, _ choices: [String], default fallback: String) throws(SFTLintError) -> String {
            guard let value = members.first(where: { $0.key == key })?.value else { return fallback }
            return try reader.choice(value, ConfigReader.path(keyPath, key), choices)
        }
        let code = try required("code")
        guard CustomRule.isValidCode(code.text) else {
            throw reader.error(
                at: code.node, keyPath + ".code",
                "'\(code.text)' is not a custom rule code: use letters then three digits, such as X001, starting "
                    + "with none of the built-in letters C, D, E, J, L, S, V")
        }
        let name = try required("name")
        guard CustomRule.isValidName(name.text) else {
            throw reader.error(at: name.node, keyPath + ".name", "'\(name.text)' is not a kebab-case name")
        }
        let pattern = try required("pattern")
        do {
            _ = try NSRegularExpression(pattern: pattern.text)
        } catch {
            throw reader.error(at: pattern.node, keyPath + ".pattern", "invalid regular expression /\(pattern.text)/")
        }
        let message = members.contains { $0.key == "message" } ? try required("message").text : "matches \(name.text)"
        let scope = try optional("in", CustomRule.Scope.allCases.map(\.rawValue), default: "any")
        let severity = try optional("severity", severityNames, default: "warning")
        return CustomRule(
            code: code.text, name: name.text, pattern: pattern.text, scope: CustomRule.Scope(rawValue: scope) ?? .any,
            severity: Severity(rawValue: severity) ?? .warning, message: message)
    }
}
