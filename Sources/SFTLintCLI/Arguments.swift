import SFTLintCore

/// A mistake in the command line; the CLI prints it with a hint and exits with 2.
struct UsageError: Error, Equatable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}

/// An option a command accepts, as parsed and as listed by `--help`.
struct OptionSpec: Sendable {
    var name: String
    var shortName: String?
    /// The placeholder in help (`SCORE`); nil for a flag that takes no value.
    var valueName: String?
    /// What the value must be, for messages: `--fail-under expects a number from 0 to 100`.
    var expects: String
    var help: String

    /// A flag without a value.
    static func flag(_ name: String, short: String? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, shortName: short, valueName: nil, expects: "", help: help)
    }

    /// An option with a value.
    static func value(_ name: String, _ valueName: String, expects: String, help: String) -> OptionSpec {
        OptionSpec(name: name, shortName: nil, valueName: valueName, expects: expects, help: help)
    }

    /// An option whose value is one of `choices`; help lists them, marking `defaultValue`.
    static func choice(
        _ name: String, _ valueName: String, _ choices: [String], default defaultValue: String? = nil, help: String
    ) -> OptionSpec {
        let listed = choices.map { $0 == defaultValue ? "\($0) (default)" : $0 }.joined(separator: ", ")
        return value(name, valueName, expects: "one of " + choices.joined(separator: ", "), help: "\(help): \(listed)")
    }

    var takesValue: Bool { valueName != nil }

    /// The error for a value that isn't what the option expects.
    func invalid(_ value: String) -> UsageError {
        UsageError("\(name) expects \(expects), got '\(value)'")
    }
}

/// A command line split into options, in the order given, and positional arguments.
struct ParsedArguments: Equatable {
    struct Option: Equatable {
        /// The long name, even when the short one was used.
        var name: String
        var value: String?
    }

    var options: [Option] = []
    var positionals: [String] = []
}

/// Splits arguments by a command's option specs: `--opt value`, `--opt=value`, flags, `--` to end options,
/// and `-` as a positional (standard input).
enum ArgumentParser {
    static func parse(_ arguments: [String], specs: [OptionSpec]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                parsed.positionals += arguments[index...]
                break
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                parsed.positionals.append(argument)
                continue
            }
            let (name, inlineValue) = split(argument)
            guard let spec = specs.first(where: { $0.name == name || $0.shortName == name }) else {
                throw UsageError("unknown option '\(name)'")
            }
            guard spec.takesValue else {
                if inlineValue != nil { throw UsageError("\(spec.name) takes no value") }
                parsed.options.append(.init(name: spec.name, value: nil))
                continue
            }
            if let inlineValue {
                parsed.options.append(.init(name: spec.name, value: inlineValue))
                continue
            }
            // A following option is a forgotten value, not the value: `--format --quiet`. Use `--format=--x`
            // for a value that really starts with `--`.
            guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                throw UsageError("\(spec.name) expects \(spec.expects)")
            }
            parsed.options.append(.init(name: spec.name, value: arguments[index]))
            index += 1
        }
        return parsed
    }

    /// `--opt=value` as (`--opt`, `value`); a short option or a bare long option has no inline value.
    private static func split(_ argument: String) -> (name: String, value: String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// The options section of a help text, one option a line, descriptions aligned.
    static func help(_ specs: [OptionSpec]) -> String {
        let rows = specs.map { spec in
            var names = spec.shortName.map { "\($0), " } ?? "    "
            names += spec.name
            if let valueName = spec.valueName { names += " \(valueName)" }
            return ["  " + names, spec.help]
        }
        return TextTable().render(rows)
    }
}
