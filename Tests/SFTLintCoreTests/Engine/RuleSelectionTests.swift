import Testing

@testable import SFTLintCore

@Suite struct RuleSelectionTests {
    static func rule(_ code: String, _ name: String) -> CheckInfo {
        CheckInfo(
            code: code, name: name, summary: "A rule.", rationale: "Because.", severity: .warning, triggering: [],
            nonTriggering: [])
    }

    let rules = [
        rule("D001", "exact-duplicate"),
        rule("D002", "conflicting-response"),
        rule("S001", "unknown-format"),
        rule("S005", "unknown-field"),
        rule("S011", "empty-turn"),
    ]

    /// The codes of the rules that run.
    func running(select: [String] = [], ignore: [String] = []) throws -> [String] {
        let selection = try RuleSelection(select: select, ignore: ignore, rules: rules)
        return rules.filter(selection.includes).map(\.code)
    }

    @Test func noSelectRunsEverything() throws {
        #expect(try running() == ["D001", "D002", "S001", "S005", "S011"])
        #expect(rules.allSatisfy(RuleSelection.all.includes))
    }

    @Test func selectsByCodePrefixAndName() throws {
        #expect(try running(select: ["S"]) == ["S001", "S005", "S011"])
        #expect(try running(select: ["S00"]) == ["S001", "S005"])
        #expect(try running(select: ["S005"]) == ["S005"])
        #expect(try running(select: ["empty-turn"]) == ["S011"])
    }

    @Test func codesAndNamesIgnoreCase() throws {
        #expect(try running(select: ["s005", "d"]) == ["D001", "D002", "S005"])
        #expect(try running(select: ["Empty-Turn"]) == ["S011"])
        #expect(try running(select: ["all"]) == ["D001", "D002", "S001", "S005", "S011"])
    }

    @Test func splitsCommasAndTrimsSpaces() throws {
        #expect(try running(select: ["S001, D002", "S011,"]) == ["D002", "S001", "S011"])
        #expect(try running(ignore: ["D,S001", " s005 "]) == ["S011"])
    }

    @Test func ignoreRemovesRules() throws {
        #expect(try running(ignore: ["D"]) == ["S001", "S005", "S011"])
        #expect(try running(ignore: ["unknown-field"]) == ["D001", "D002", "S001", "S011"])
    }

    @Test func moreSpecificSelectBeatsLessSpecificIgnore() throws {
        #expect(try running(select: ["S005"], ignore: ["S"]) == ["S005"])
        #expect(try running(select: ["D", "S005"], ignore: ["S"]) == ["D001", "D002", "S005"])
        #expect(try running(select: ["ALL"], ignore: ["S"]) == ["D001", "D002"])
        #expect(try running(select: ["unknown-field"], ignore: ["S00"]) == ["S005"])
    }

    @Test func moreSpecificIgnoreBeatsSelect() throws {
        #expect(try running(select: ["S"], ignore: ["S005"]) == ["S001", "S011"])
        #expect(try running(select: ["S0"], ignore: ["S01"]) == ["S001", "S005"])
    }

    @Test func ignoreWinsATie() throws {
        #expect(try running(select: ["S005"], ignore: ["S005"]) == [])
        #expect(try running(select: ["S005"], ignore: ["unknown-field"]) == [])
        #expect(try running(select: ["S"], ignore: ["s"]) == [])
    }

    @Test func categoryLettersAreValidWithoutRules() throws {
        let selection = try RuleSelection(select: [], ignore: ["V", "c"], rules: rules)
        #expect(rules.allSatisfy(selection.includes))
    }

    @Test(arguments: [
        (["X"], [String](), "unknown rule 'X' in --select; see 'sftlint rules'"),
        (["S", "S999"], [], "unknown rule 'S999' in --select; see 'sftlint rules'"),
        ([], ["role-order"], "unknown rule 'role-order' in --ignore; see 'sftlint rules'"),
        ([], ["S0019"], "unknown rule 'S0019' in --ignore; see 'sftlint rules'"),
    ])
    func unknownSelectorThrows(select: [String], ignore: [String], message: String) {
        #expect(throws: SFTLintError(message)) {
            try RuleSelection(select: select, ignore: ignore, rules: rules)
        }
    }
}
