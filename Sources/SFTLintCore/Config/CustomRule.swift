/// A rule defined without Swift, in a config file's `rules`: a regular expression over some turns of every sample.
public struct CustomRule: Sendable, Hashable {
    /// Which turns a custom rule reads.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// User turns.
        case prompt
        /// Assistant turns, tool calls included.
        case response
        case system
        /// Every turn, tool results included.
        case any

        /// The turns read, for a rule's summary.
        var turns: String {
            switch self {
            case .prompt: "User turns"
            case .response: "Assistant turns"
            case .system: "System turns"
            case .any: "Turns"
            }
        }

        func includes(_ role: Role?) -> Bool {
            switch self {
            case .prompt: role == .user
            case .response: role == .assistant
            case .system: role == .system
            case .any: true
            }
        }
    }

    /// Letters then three or more digits (`X001`); the first letter is none of the built-in categories'.
    public var code: String
    /// Kebab-case, like the built-in rules' names.
    public var name: String
    /// An `NSRegularExpression` pattern (ICU syntax).
    public var pattern: String
    public var scope: Scope
    public var severity: Severity
    /// What a finding says before the matched text; lowercase, no final period.
    public var message: String

    public init(code: String, name: String, pattern: String, scope: Scope, severity: Severity, message: String) {
        self.code = code
        self.name = name
        self.pattern = pattern
        self.scope = scope
        self.severity = severity
        self.message = message
    }

    /// The rule as `sftlint rules` lists it and selection resolves it.
    public var info: CheckInfo {
        CheckInfo(
            code: code, name: name, summary: "\(scope.turns) match /\(pattern)/: \(message).",
            rationale: "A rule of this project's config file.", severity: severity, triggering: [],
            nonTriggering: [], activation: "defined in the config file")
    }

    /// Whether `code` may name a custom rule: letters then three or more digits, not starting with a built-in
    /// category letter, so that `--select S` never picks up a custom rule.
    public static func isValidCode(_ code: String) -> Bool {
        let letters = code.prefix { $0.isASCII && $0.isUppercase }
        let digits = code.dropFirst(letters.count)
        guard let first = letters.first, digits.count >= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return false
        }
        return !Category.allCases.contains { $0.letter == first }
    }

    /// Whether `name` is kebab-case: lowercase ASCII letters and digits in words joined by single hyphens.
    public static func isValidName(_ name: String) -> Bool {
        let words = name.split(separator: "-", omittingEmptySubsequences: false)
        return !name.isEmpty
            && words.allSatisfy { word in
                !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
            }
    }
}
