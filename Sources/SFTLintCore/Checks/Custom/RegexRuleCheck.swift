import Foundation

/// Runs a config file's regex rule: flags the first match in each turn of the rule's scope, at the match.
struct RegexRuleCheck: SampleCheck {
    /// The type's placeholder; every instance carries its own rule in `info`.
    static let info = CheckInfo(
        code: "X000", name: "custom-rule", summary: "A turn matches a regular expression of the config file.",
        rationale: "A rule of this project's config file.", severity: .warning, triggering: [], nonTriggering: [])

    /// Matched text quoted in a message, at most this many characters.
    static let quoteLimit = 40

    let info: CheckInfo
    let scope: CustomRule.Scope
    let message: String
    let regex: NSRegularExpression
    /// Text every match holds, when the pattern shows one: turns without it are passed without the regex.
    let literal: RequiredLiteral?

    /// Throws for a pattern NSRegularExpression rejects.
    init(_ rule: CustomRule) throws(SFTLintError) {
        do {
            regex = try NSRegularExpression(pattern: rule.pattern)
        } catch {
            throw SFTLintError("rule \(rule.code): invalid regular expression /\(rule.pattern)/")
        }
        literal = RequiredLiteral(pattern: rule.pattern)
        info = rule.info
        scope = rule.scope
        message = rule.message
    }

    func inspect(_ sample: Sample, report: inout Findings) {
        for turn in sample.turns where scope.includes(turn.role) && !turn.text.isEmpty {
            let text = turn.text
            if let literal, !literal.isFound(in: text) { continue }
            let whole = NSRange(text.startIndex..<text.endIndex, in: text)
            guard let match = regex.firstMatch(in: text, range: whole), let range = Range(match.range, in: text)
            else { continue }
            let matched = text[range]
            let quoted = matched.count > Self.quoteLimit ? matched.prefix(Self.quoteLimit) + "…" : matched
            let detail = quoted.isEmpty ? message : "\(message): \"\(quoted)\""
            report.add(info, at: turn.location(of: range), detail)
        }
    }
}
