import Foundation
import SFTLintCore
import Testing

@testable import SFTLintCLI

/// The command with the real engine on real files: what a user or a CI job sees.
@Suite("End to end")
struct EndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func fixture(_ relative: String) -> String {
        root.appendingPathComponent("fixtures/datasets/" + relative).path
    }

    /// Runs the command in-process with the built-in engine.
    func run(_ arguments: [String], environment: [String: String] = [:]) -> Outcome {
        let output = Capture()
        let errors = Capture()
        var console = Console(standardOutput: output, standardError: errors, environment: environment, isTerminal: false)
        let status = SFTLintCommand.run(arguments, console: &console, toolkit: .builtIn)
        return Outcome(status: status, output: output.text, errors: errors.text)
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sftlint-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func errorsFailTheRunAndExitZeroPassesIt() {
        let path = Self.fixture("sharegpt/tool-calls.json")
        #expect(run(["check", path]).status == .failure)
        #expect(run(["check", path, "--exit-zero"]).status == .success)
        #expect(run(["check", path, "--fail-on", "never"]).status == .success)
    }

    @Test func failOnAndFailUnderGateOnSeverityAndScore() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("data.jsonl")
        // One info (an unknown field) in 20 records: passes the default gate, fails --fail-on info, and scores
        // 100 · exp(−10 · 0.02 / 20) = 99.0.
        var lines = "{\"instruction\": \"Hi\", \"output\": \"Hello.\", \"reference\": \"x\"}\n"
        // Prompts of different words: "Question 1" … "Question 19" would be one template (V003).
        let topics = [
            "rain", "snow", "wind", "tides", "stars", "clouds", "rivers", "deserts", "forests", "volcanoes", "glaciers",
            "comets", "planets", "oceans", "islands", "caves", "storms", "seasons", "eclipses",
        ]
        for (i, topic) in topics.enumerated() { lines += "{\"instruction\": \"What are \(topic)?\", \"output\": \"Answer \(i).\"}\n" }
        try Data(lines.utf8).write(to: file)
        #expect(run(["check", file.path]).status == .success)
        #expect(run(["check", file.path, "--fail-on", "info"]).status == .failure)
        #expect(run(["check", file.path, "--fail-under", "99"]).status == .success)
        #expect(run(["check", file.path, "--fail-under", "99.1"]).status == .failure)
    }

    @Test func selectionLimitsTheRules() {
        let path = Self.fixture("alpaca/mixed.jsonl")
        let onlyUnknown = run(["check", path, "--select", "S005", "--format", "json"])
        #expect(onlyUnknown.status == .success)
        #expect(onlyUnknown.output.contains("\"S005\""))
        #expect(!onlyUnknown.output.contains("\"S003\""))
        let ignored = run(["check", path, "--ignore", "J,S"])
        #expect(ignored.status == .success)
        #expect(ignored.output.contains("0 errors"))
    }

    @Test func inputErrorsExitTwoWithTheirMessage() throws {
        let missing = run(["check", "/nonexistent/train.jsonl"])
        #expect(missing.status == .error)
        #expect(missing.errors == "error: cannot read '/nonexistent/train.jsonl': no such file or directory\n")
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = run(["check", directory.path, "--exit-zero"])
        #expect(empty.status == .error)
        #expect(empty.errors == "error: no *.json or *.jsonl files under '\(directory.path)'\n")
    }

    @Test func jsonReportHasTheDocumentedShape() throws {
        let result = run(["check", Self.fixture("openai/messages.jsonl"), "--format", "json"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(
            Set(object.keys)
                == ["schemaVersion", "tool", "score", "categories", "summary", "files", "findings", "stats"])
        #expect(object["schemaVersion"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(
                Set(finding.keys)
                    == [
                        "rule", "code", "severity", "message", "path", "line", "column", "record", "pointer",
                        "fingerprint", "related",
                    ])
            #expect((finding["fingerprint"] as? String)?.count == 16)
        }
        let categories = try #require(object["categories"] as? [String: [String: Any]])
        // One entry per category of the rules that ran: all of them, by default.
        #expect(Set(categories.keys) == Set(allChecks.compactMap { type(of: $0).info.category?.rawValue }))
    }

    @Test func outputFileHoldsTheSameReport() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = Self.fixture("trl/formats.jsonl")
        let target = directory.appendingPathComponent("report.json")
        let written = run(["check", path, "--format", "json", "--output", target.path])
        #expect(written.output.isEmpty)
        let printed = run(["check", path, "--format", "json"])
        #expect(try String(contentsOf: target, encoding: .utf8) == printed.output)
        #expect(written.status == printed.status)
    }

    @Test func inputFilesAreNeverModified() throws {
        let path = Self.fixture("alpaca/mixed.jsonl")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        _ = run(["check", path, "--format", "json"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let after = try FileManager.default.attributesOfItem(atPath: path)
        #expect(after[.modificationDate] as? Date == attributes[.modificationDate] as? Date)
        let refused = run(["check", path, "--output", path])
        #expect(refused.status == .error)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func rulesListsTheBuiltInRules() {
        let result = run(["rules"])
        #expect(result.status == .success)
        for check in allChecks {
            #expect(result.output.contains(type(of: check).info.code + "  " + type(of: check).info.name))
        }
        let one = run(["rules", "role-order"])
        #expect(one.output.contains("S009 role-order"))
        #expect(one.output.contains("Why it matters:"))
    }
}
