import Foundation
import Testing

@testable import SFTLintCore

/// The SARIF log's structure; `scripts/validate-sarif.py` checks the goldens against the official schema.
@Suite struct SARIFReporterTests {
    static let rules = [
        CheckInfo(
            code: "D002", name: "conflicting-response", summary: "Same prompt, different response.",
            rationale: "The model learns both.", severity: .warning, triggering: [], nonTriggering: []),
        CheckInfo(
            code: "E003", name: "special-token", summary: "A control token.", rationale: "It stops the model.",
            severity: .error, triggering: [], nonTriggering: []),
    ]

    static func log(_ report: Report) throws -> [String: Any] {
        let data = Data(SARIFReporter().render(report).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static var report: Report {
        var report = SampleReport.report
        report.rules = rules
        return report
    }

    @Test func describesTheToolAndItsRules() throws {
        let log = try Self.log(Self.report)
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "sftlint")
        #expect(driver["version"] as? String == "test")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["D002", "E003"])
        #expect(rules[1]["name"] as? String == "special-token")
        #expect((rules[1]["shortDescription"] as? [String: Any])?["text"] as? String == "A control token.")
        #expect((rules[1]["fullDescription"] as? [String: Any])?["text"] as? String == "It stops the model.")
        #expect(((rules[1]["help"] as? [String: Any])?["text"] as? String)?.contains("sftlint rules E003") == true)
        #expect((rules[0]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
        #expect((rules[1]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
    }

    @Test func resultsPointAtTheirRulesAndPlaces() throws {
        let run = try #require((try Self.log(Self.report)["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == SampleReport.findings.count)
        #expect(results.map { $0["ruleId"] as? String } == ["D002", "E003", "L004", "J005"])
        // ruleIndex only for rules in the driver's list, and pointing at the right one.
        #expect(results.map { $0["ruleIndex"] as? Int } == [0, 1, nil, nil])
        #expect(results.map { $0["level"] as? String } == ["warning", "error", "note", "error"])
        let first = results[0]
        #expect((first["message"] as? [String: Any])?["text"] as? String == "same prompt as line 14, different response")
        #expect((first["partialFingerprints"] as? [String: String])?["sftlint/v1"] == "00000000000000a0")
        let location = try #require((first["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "data/train.jsonl")
        #expect((physical["region"] as? [String: Int]) == ["startLine": 15, "startColumn": 3])
        let related = try #require((first["relatedLocations"] as? [[String: Any]])?.first)
        #expect((related["message"] as? [String: Any])?["text"] as? String == "first seen here")
        let relatedRegion = (related["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
        #expect(relatedRegion?["startLine"] == 14)
    }

    @Test func pathsBecomeRelativeURIReferences() {
        #expect(SARIFReporter.uri("data/train set #2.jsonl") == "data/train%20set%20%232.jsonl")
        #expect(SARIFReporter.uri("c:x/数据.jsonl") == "c%3Ax/%E6%95%B0%E6%8D%AE.jsonl")
        #expect(SARIFReporter.uri("-") == "-")
    }

    @Test func withABaselineResultsAreNew() throws {
        var report = Self.report
        let plain = try #require((try Self.log(report)["runs"] as? [[String: Any]])?.first)
        #expect((plain["results"] as? [[String: Any]])?.allSatisfy { $0["baselineState"] == nil } == true)
        report.baseline = Report.BaselineComparison(path: "b.json", matched: 7, noLongerOccurring: 2)
        let run = try #require((try Self.log(report)["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.allSatisfy { $0["baselineState"] as? String == "new" })
        let baseline = (run["properties"] as? [String: Any])?["baseline"] as? [String: Int]
        #expect(baseline == ["matched": 7, "noLongerOccurring": 2])
    }

    @Test func aCleanRunHasNoResults() throws {
        let run = try #require((try Self.log(SampleReport.clean(files: []))["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.isEmpty == true)
    }
}
