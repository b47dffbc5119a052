import Foundation
import Testing

@testable import SFTLintCore

/// The README's rule table is the user's catalogue: it must list every rule exactly as the code defines it.
@Suite("README")
struct ReadmeTests {
    /// `| J001 | invalid-json | error | summary |` rows of the README, by code.
    static func ruleRows() throws -> [String: [String]] {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        var rows: [String: [String]] = [:]
        for line in readme.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 4, cells[0].wholeMatch(of: /[JSDECLV][0-9]{3}/) != nil else { continue }
            rows[cells[0]] = cells
        }
        return rows
    }

    @Test func everyRuleHasItsRowAndNoOtherRuleDoes() throws {
        let rows = try Self.ruleRows()
        let infos = allChecks.map { type(of: $0).info }
        for info in infos {
            #expect(
                rows[info.code] == [info.code, info.name, info.severity.rawValue, info.summary],
                "README row for \(info.code) should read: | \(info.code) | \(info.name) | \(info.severity.rawValue) | \(info.summary) |")
        }
        #expect(Set(rows.keys) == Set(infos.map(\.code)), "README lists rules that don't exist")
    }
}
