/// Which rules a run uses, from `--select` and `--ignore`.
///
/// A selector is a full code (`S005`), a code prefix (`S`, `S00`), a rule name (`role-order`) or `ALL`; codes
/// and `ALL` match in any case. With no `--select`, every rule is selected. A rule runs when its most specific
/// matching select is more specific than its most specific matching ignore, as in ruff: `--ignore S --select S005`
/// runs S005, while `--select S --ignore S005` and `--select S005 --ignore S005` don't. A name is as specific as
/// the full code it names.
public struct RuleSelection: Sendable, Hashable {
    /// Every rule.
    public static let all = RuleSelection()

    private var selects: [Layered]
    private var ignores: [Layered]

    /// Selects every rule.
    public init() {
        selects = []
        ignores = []
    }

    /// Resolves selectors against `rules`; each argument may hold several selectors separated by commas.
    ///
    /// Throws for a selector that names no rule and no category.
    public init(select: [String], ignore: [String], rules: [CheckInfo]) throws(SFTLintError) {
        selects = try Selector.parse(select, flag: "--select", rules: rules).map { Layered(selector: $0, layer: 0) }
        ignores = try Selector.parse(ignore, flag: "--ignore", rules: rules).map { Layered(selector: $0, layer: 0) }
    }

    /// This selection with more selectors laid over it, as a config file's per-path override adds them: the
    /// override's `select` brings back rules the run ignores, its `ignore` drops rules for those paths, and
    /// either beats a selector of this selection that is as specific.
    public func extended(select: [String], ignore: [String], rules: [CheckInfo]) throws(SFTLintError) -> RuleSelection {
        var extended = self
        let layer = (selects + ignores).map(\.layer).max().map { $0 + 1 } ?? 1
        let added = try RuleSelection(select: select, ignore: ignore, rules: rules)
        // No select means every rule; it has to be said explicitly once another select joins.
        if extended.selects.isEmpty, !added.selects.isEmpty { extended.selects = [Layered(selector: .all, layer: 0)] }
        extended.selects += added.selects.map { Layered(selector: $0.selector, layer: layer) }
        extended.ignores += added.ignores.map { Layered(selector: $0.selector, layer: layer) }
        return extended
    }

    /// Whether the rule with this code and name runs.
    public func includes(_ info: CheckInfo) -> Bool {
        let selected = selects.isEmpty ? (0, 0) : selects.compactMap { $0.rank(for: info) }.max(by: <)
        guard let selected else { return false }
        guard let ignored = ignores.compactMap({ $0.rank(for: info) }).max(by: <) else { return true }
        return selected > ignored
    }
}

// MARK: - Selector

extension RuleSelection {
    /// A selector and the layer it came from: 0 for the run's own, higher for overrides laid over it.
    struct Layered: Sendable, Hashable {
        var selector: Selector
        var layer: Int

        /// Specificity first, then layer, so that a later layer wins a tie.
        func rank(for info: CheckInfo) -> (Int, Int)? {
            selector.specificity(for: info).map { ($0, layer) }
        }
    }
}

extension RuleSelection {
    /// One resolved selector.
    enum Selector: Sendable, Hashable {
        case all
        /// Uppercased code prefix, possibly a whole code.
        case codePrefix(String)
        /// Lowercased rule name.
        case name(String)

        /// How specific the selector is for the rule, or nil when it doesn't match it.
        func specificity(for info: CheckInfo) -> Int? {
            switch self {
            case .all: 0
            case .codePrefix(let prefix): info.code.uppercased().hasPrefix(prefix) ? prefix.count : nil
            case .name(let name): info.name.lowercased() == name ? info.code.count : nil
            }
        }

        static func parse(_ arguments: [String], flag: String, rules: [CheckInfo]) throws(SFTLintError) -> [Selector] {
            var selectors: [Selector] = []
            for argument in arguments {
                for piece in argument.split(separator: ",") {
                    let text = piece.trimmingSpaces
                    guard !text.isEmpty else { continue }
                    guard let selector = resolve(text, rules: rules) else {
                        throw SFTLintError("unknown rule '\(text)' in \(flag); see 'sftlint rules'")
                    }
                    selectors.append(selector)
                }
            }
            return selectors
        }

        /// A category letter is always valid, so that `--ignore V` works before any V rule exists.
        static func resolve(_ text: String, rules: [CheckInfo]) -> Selector? {
            let upper = text.uppercased()
            if upper == "ALL" { return .all }
            let lower = text.lowercased()
            if rules.contains(where: { $0.name.lowercased() == lower }) { return .name(lower) }
            let isCategory = upper.count == 1 && Category.allCases.contains { String($0.letter) == upper }
            if isCategory || rules.contains(where: { $0.code.uppercased().hasPrefix(upper) }) {
                return .codePrefix(upper)
            }
            return nil
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
