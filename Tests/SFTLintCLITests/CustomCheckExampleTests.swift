import Foundation
import SFTLintCore
import Testing

// The README's example of a package registering its own check, word for word (the test below compares the
// two), compiled here against the public API only: this file doesn't import SFTLintCore with @testable.

// README example begin
/// Flags responses that recommend a competitor's product.
struct CompetitorMentionCheck: SampleCheck {
    static let info = CheckInfo(
        code: "Y001", name: "competitor-mention",
        summary: "A response names a competitor's product.",
        rationale: "The model learns to recommend the competition.",
        severity: .warning,
        triggering: [Example(#"! {"instruction": "Which phone?", "output": "Buy an Acme X."}"#)],
        nonTriggering: [Example(#"{"instruction": "Which phone?", "output": "Ours."}"#)])

    var names = ["Acme", "爱克美"]

    func inspect(_ sample: Sample, report: inout Findings) {
        for turn in sample.turns where turn.role == .assistant {
            guard let range = names.lazy.compactMap({ turn.text.range(of: $0) }).first else { continue }
            report.add(Self.self, at: turn.location(of: range), "names \"\(turn.text[range])\"")
        }
    }
}

func lintWithMyCheck(_ path: String) throws -> Report {
    let linter = Linter(checks: allChecks + [CompetitorMentionCheck()], options: LintOptions(version: "1.0"))
    return try linter.run([.path(path)])
}
// README example end

@Suite("Custom check example")
struct CustomCheckExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theReadmeShowsThisFilesExample() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let example = try #require(
            source.components(separatedBy: "// README example begin\n").last?
                .components(separatedBy: "// README example end").first)
        #expect(readme.contains("```swift\nimport SFTLintCore\n\n" + example + "```\n"))
    }

    @Test func theRegisteredCheckRunsWithTheBuiltInOnes() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sftlint-example-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let lines = [
            #"{"instruction": "Which phone?", "output": "Buy an Acme X."}"#,
            #"{"instruction": "哪款手机？", "output": "买爱克美。"}"#,
            #"{"instruction": "Which phone?", "output": "Ours."}"#,
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let report = try lintWithMyCheck(file.path)
        let mine = report.findings.filter { $0.code == "Y001" }
        #expect(mine.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
            "1:51 names \"Acme\"", "2:38 names \"爱克美\"",
        ])
        #expect(report.rules.contains { $0.code == "Y001" })
    }
}
