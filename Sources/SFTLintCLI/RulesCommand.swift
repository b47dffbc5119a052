import SFTLintCore

/// `sftlint rules [RULE]`: lists every rule, or explains one, from the rules' own `CheckInfo`.
struct RulesCommand {
    static let formats = ["text", "json"]

    static let specs: [OptionSpec] = [
        .choice("--format", "FORMAT", formats, default: "text", help: "output format"),
        .value("--config", "FILE", expects: "a file path", help: "list the custom rules of this config file"),
        .flag("--no-config", help: "list only the built-in rules"),
        .flag("--help", short: "-h", help: "print this help"),
    ]

    static let usage = """
        Usage: sftlint rules [OPTIONS] [RULE]

        Lists every rule, sorted by code. With RULE (a code such as S005 or a name such as role-order),
        explains that rule: why it matters and examples that do and don't trigger it. The custom rules of the
        config file (the nearest sftlint.json, or --config FILE) are listed with the built-in ones.

        Options:
        \(ArgumentParser.help(specs))
        """

    var isJSON = false
    /// The rule to explain; nil lists them all.
    var rule: String?
    var isHelp = false
    var configPath: String?
    var isConfigDisabled = false

    init(arguments: [String]) throws(UsageError) {
        let parsed = try ArgumentParser.parse(arguments, specs: RulesCommand.specs)
        for option in parsed.options {
            switch option.name {
            case "--format":
                isJSON = try RulesCommand.specs[0].parse(option.value ?? "") {
                    RulesCommand.formats.contains($0) ? $0 == "json" : nil
                }
            case "--config": configPath = option.value
            case "--no-config": isConfigDisabled = true
            default: isHelp = true
            }
        }
        guard parsed.positionals.count <= 1 else {
            throw UsageError("rules takes at most one rule, got \(parsed.positionals.count)")
        }
        rule = parsed.positionals.first
    }

    func run(console: inout Console, toolkit: Toolkit) -> ExitStatus {
        if isHelp {
            console.print(RulesCommand.usage)
            return .success
        }
        let custom: [CustomRule]
        do throws(SFTLintError) {
            custom = try ConfigFile.load(
                explicit: configPath, isDisabled: isConfigDisabled, workingDirectory: toolkit.workingDirectory,
                rules: toolkit.rules
            ).rules
        } catch {
            console.printError(error.message)
            return .error
        }
        let rules = (toolkit.rules + custom.map(\.info)).sorted { $0.code < $1.code }
        guard let rule else {
            console.print(
                isJSON ? written(.array(rules.map { RulesCommand.json($0, isDetailed: false) })) : listing(rules))
            return .success
        }
        let name = rule.lowercased()
        guard let info = rules.first(where: { $0.code.lowercased() == name || $0.name == name }) else {
            console.printUsageError(UsageError("unknown rule '\(rule)'; see 'sftlint rules'"))
            return .error
        }
        console.print(isJSON ? written(RulesCommand.json(info, isDetailed: true)) : explanation(info))
        return .success
    }

    // MARK: - Text

    private func listing(_ rules: [CheckInfo]) -> String {
        let header = ["CODE", "NAME", "SEVERITY", "SUMMARY"]
        return TextTable().render([header] + rules.map { [$0.code, $0.name, $0.severity.rawValue, $0.summary] })
    }

    private func explanation(_ info: CheckInfo) -> String {
        var text = "\(info.code) \(info.name)\n\n"
        text += "  severity: \(info.severity.rawValue)\n"
        text += "  category: \(info.category?.rawValue ?? "none")\n"
        if let activation = info.activation { text += "  activation: \(activation)\n" }
        text += "\n\(info.summary)\n\nWhy it matters: \(info.rationale)\n"
        text += examples("Triggers (lines marked '! ' are flagged)", info.triggering, code: info.code)
        text += examples("Does not trigger", info.nonTriggering, code: info.code)
        return text
    }

    /// Examples longer than this many lines show their first and last lines only.
    static let longExample = 16

    private func examples(_ title: String, _ examples: [Example], code: String) -> String {
        guard !examples.isEmpty else { return "" }
        let indented = examples.map { example in
            let indent = { (text: String) in
                RulesCommand.shortened(text.split(separator: "\n", omittingEmptySubsequences: false), code: code)
                    .map { "    \($0)\n" }.joined()
            }
            let settings = example.settings.arguments
            let header = settings.isEmpty ? "" : "    (with \(settings.joined(separator: " ")))\n"
            return header + indent(example.text)
                + (example.against.map { "  with eval data (--against):\n" + indent($0) } ?? "")
        }
        return "\n\(title):\n\n" + indented.joined(separator: "\n")
    }

    /// The lines of an example, its middle left out when it is long and no flagged line is there: V001 needs 500
    /// records to apply, which no one reads in a terminal.
    static func shortened(_ lines: [Substring], code: String) -> [Substring] {
        guard lines.count > longExample else { return lines }
        let middle = lines[8..<(lines.count - 2)]
        guard !middle.contains(where: { $0.hasPrefix("! ") }) else { return lines }
        let note = "… \(middle.count) more lines like these ('sftlint rules \(code) --format json' prints them all)"
        return Array(lines[..<8]) + [Substring(note)] + Array(lines[(lines.count - 2)...])
    }

    // MARK: - JSON

    private func written(_ value: JSONValue) -> String {
        JSONWriter().write(value) + "\n"
    }

    /// A rule as JSON; `isDetailed` adds its activation and examples.
    static func json(_ info: CheckInfo, isDetailed: Bool) -> JSONValue {
        var object: [String: JSONValue] = [
            "code": .string(info.code),
            "name": .string(info.name),
            "severity": .string(info.severity.rawValue),
            "category": info.category.map { .string($0.rawValue) } ?? .null,
            "summary": .string(info.summary),
            "rationale": .string(info.rationale),
        ]
        if isDetailed {
            object["activation"] = info.activation.map { .string($0) } ?? .null
            object["triggering"] = .array(info.triggering.map { .string($0.text) })
            object["nonTriggering"] = .array(info.nonTriggering.map { .string($0.text) })
        }
        return .object(object)
    }
}
