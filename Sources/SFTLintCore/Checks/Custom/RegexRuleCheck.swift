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
            let match: NSTextCheckingResult
            switch firstMatch(in: text, range: whole) {
            case .none: continue
            case .gaveUp:
                report.add(
                    info, at: turn.location(atTextByte: 0),
                    "pattern gave up on this turn after \(Self.stepBudget) million steps of backtracking: "
                        + "nested quantifiers such as (a+)+ make it try every way to split the text; simplify it")
                continue
            case .match(let found): match = found
            }
            guard let range = Range(match.range, in: text) else { continue }
            let matched = text[range]
            let quoted = matched.count > Self.quoteLimit ? matched.prefix(Self.quoteLimit) + "…" : matched
            let detail = quoted.isEmpty ? message : "\(message): \"\(quoted)\""
            report.add(info, at: turn.location(of: range), detail)
        }
    }

    /// Steps of the regex engine, in millions, a turn may cost beyond the scan itself. `(a+)+$` on fifty "a"s
    /// needs 2^50: without a budget one record stalls the run for good. Ten million steps take a tenth to a
    /// quarter of a second; a sane pattern needs a few per character.
    static let stepBudget = 10

    enum Outcome {
        case none, gaveUp
        case match(NSTextCheckingResult)
    }

    /// The first match, or `.gaveUp` when the engine runs past the budget. The progress block is called once per
    /// start position tried and once per ten thousand steps of matching (ICU's tick), so calls beyond the
    /// length of the text count steps; the count does not depend on the machine's speed.
    func firstMatch(in text: String, range: NSRange) -> Outcome {
        let allowed = range.length + Self.stepBudget * 1_000_000 / 10_000
        var calls = 0
        var outcome = Outcome.none
        regex.enumerateMatches(in: text, options: [.reportProgress], range: range) { result, _, stop in
            if let result {
                outcome = .match(result)
                stop.pointee = true
                return
            }
            calls += 1
            if calls > allowed {
                outcome = .gaveUp
                stop.pointee = true
            }
        }
        return outcome
    }
}
