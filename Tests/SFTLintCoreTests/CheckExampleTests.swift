import Foundation
import Testing

@testable import SFTLintCore

/// One example of one check, as a test argument.
struct ExampleCase: Sendable, CustomTestStringConvertible {
    let check: any Check
    let example: Example
    let isTriggering: Bool
    let number: Int

    var code: String { type(of: check).info.code }
    var testDescription: String { "\(code) \(isTriggering ? "triggering" : "non-triggering") #\(number)" }

    static let all: [ExampleCase] = allChecks.flatMap { check in
        let info = type(of: check).info
        return info.triggering.enumerated().map { ExampleCase(check: check, example: $1, isTriggering: true, number: $0 + 1) }
            + info.nonTriggering.enumerated().map {
                ExampleCase(check: check, example: $1, isTriggering: false, number: $0 + 1)
            }
    }
}

/// The ways an example is rerun; each must flag the same records.
enum ExampleVariant: String, CaseIterable, Sendable {
    case jsonl
    case jsonArray = "json-array"
    case crlf
    case emoji

    var requirement: Example.Variants? {
        switch self {
        case .jsonl: nil
        case .jsonArray: .jsonArray
        case .crlf: .crlf
        case .emoji: .emoji
        }
    }

    /// The document's bytes and the 1-based lines that must be flagged.
    func render(_ example: Example) -> (bytes: [UInt8], flagged: Set<Int>) {
        let lines = example.lines
        let marked = Set(lines.indices.filter { lines[$0].isFlagged }.map { $0 + 1 })
        let texts = lines.map(\.text)
        switch self {
        case .jsonl:
            return (Example.rawBytes(texts.joined(separator: "\n") + "\n"), marked)
        case .jsonArray:
            return (Example.rawBytes("[\n" + texts.joined(separator: ",\n") + "\n]\n"), Set(marked.map { $0 + 1 }))
        case .crlf:
            return (Example.rawBytes(texts.joined(separator: "\r\n") + "\r\n"), marked)
        case .emoji:
            return (Example.rawBytes(texts.map(Self.addingEmoji).joined(separator: "\n") + "\n"), marked)
        }
    }

    /// The example's eval data (`--against`) in the same layout, with no line flagged.
    func renderAgainst(_ example: Example) -> [UInt8]? {
        example.against.map { render(Example($0)).bytes }
    }

    /// Puts an emoji at the start of every text field that starts with a letter, shifting every later column.
    static func addingEmoji(_ line: String) -> String {
        let fields = /("(?:instruction|input|output|value|content|text|prompt|completion|system)"\s*:\s*")(?=[\p{L}])/
        return line.replacing(fields) { match in match.output.1 + "😀" }
    }
}

@Suite("Check examples")
struct CheckExampleTests {
    @Test(arguments: ExampleCase.all)
    func flagsExactlyTheMarkedLines(_ testCase: ExampleCase) throws {
        if testCase.isTriggering {
            #expect(testCase.example.lines.contains { $0.isFlagged }, "a triggering example marks no line with '! '")
        } else {
            #expect(!testCase.example.lines.contains { $0.isFlagged }, "a non-triggering example marks a line")
        }
        for variant in ExampleVariant.allCases {
            if let needed = variant.requirement, !testCase.example.variants.contains(needed) { continue }
            let document = variant.render(testCase.example)
            let report = try LintHarness.lint(
                document.bytes, checks: [testCase.check], against: variant.renderAgainst(testCase.example),
                settings: testCase.example.settings)
            let findings = report.findings.filter { $0.code == testCase.code }
            let flagged = Set(findings.map(\.location.line))
            #expect(
                flagged == document.flagged,
                "\(variant.rawValue): flagged lines \(flagged.sorted()), expected \(document.flagged.sorted()); findings: \(findings.map { "\($0.location.line):\($0.location.column) \($0.message)" })"
            )
            let lineCount = document.bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            for finding in report.findings {
                #expect(finding.location.line >= 1 && finding.location.line <= lineCount, "\(variant.rawValue): \(finding)")
                #expect(finding.location.column >= 1, "\(variant.rawValue): \(finding)")
                #expect(finding.code == testCase.code, "\(variant.rawValue): a check reported another rule: \(finding)")
            }
        }
    }
}

@Suite("Rule catalogue")
struct RuleCatalogueTests {
    let infos = allChecks.map { type(of: $0).info }

    @Test func codesAreUniqueAndSorted() {
        let codes = infos.map(\.code)
        #expect(codes == codes.sorted(), "allChecks must stay sorted by code")
        #expect(Set(codes).count == codes.count, "codes must be unique")
        #expect(Set(infos.map(\.name)).count == infos.count, "names must be unique")
    }

    @Test func codesAndNamesFollowTheConvention() {
        for info in infos {
            #expect(info.code.wholeMatch(of: /[JSDECLV][0-9]{3}/) != nil, "\(info.code)")
            #expect(info.name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(info.name)")
            #expect(info.category != nil, "\(info.code) has no category")
        }
    }

    @Test func everyRuleHasExamplesOfBothKindsAndAFullSummary() {
        for info in infos {
            #expect(!info.triggering.isEmpty, "\(info.code) has no triggering example")
            #expect(!info.nonTriggering.isEmpty, "\(info.code) has no non-triggering example")
            #expect(info.summary.first?.isUppercase == true && info.summary.hasSuffix("."), "\(info.code) summary")
            #expect(!info.rationale.isEmpty, "\(info.code) has no rationale")
        }
    }

    @Test func everyRuleHasAnEnglishAndAChineseExample() {
        for info in infos {
            let text = (info.triggering + info.nonTriggering).map(\.text).joined()
            #expect(text.unicodeScalars.contains { $0.properties.isIdeographic }, "\(info.code) has no Chinese example")
            #expect(text.contains { $0.isASCII && $0.isLetter }, "\(info.code) has no English example")
        }
    }
}
