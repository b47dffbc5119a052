import Foundation
import SFTLintCore
import Testing

@testable import SFTLintCLI

/// `--near-dup-threshold` and `--against`: parsing, usage errors, and what reaches the engine.
@Suite struct DuplicateOptionsTests {
    /// The argument-parsing tests' helpers.
    let parsing = ArgumentParsingTests()

    func parse(_ arguments: [String]) throws -> CheckCommand { try parsing.parse(arguments) }

    @Test func defaults() throws {
        let command = try parse([])
        #expect(command.settings.nearDuplicateThreshold == 0.8)
        #expect(command.settings.against.isEmpty)
    }

    @Test func thresholdInBothForms() throws {
        #expect(try parse(["--near-dup-threshold", "0.9"]).settings.nearDuplicateThreshold == 0.9)
        #expect(try parse(["--near-dup-threshold=1"]).settings.nearDuplicateThreshold == 1)
        #expect(try parse(["--near-dup-threshold=0.05"]).settings.nearDuplicateThreshold == 0.05)
    }

    @Test func againstRepeatsAndTakesStandardInput() throws {
        let command = try parse(["data/", "--against", "eval/mmlu.jsonl", "--against=gsm8k.json", "--against", "-"])
        #expect(command.settings.against == [.path("eval/mmlu.jsonl"), .path("gsm8k.json"), .standardInput])
        #expect(command.inputs == [.path("data/")])
    }

    @Test(arguments: [
        (["--near-dup-threshold", "0"], "--near-dup-threshold expects a number above 0 and at most 1, got '0'"),
        (["--near-dup-threshold", "1.5"], "--near-dup-threshold expects a number above 0 and at most 1, got '1.5'"),
        (["--near-dup-threshold=-0.2"], "--near-dup-threshold expects a number above 0 and at most 1, got '-0.2'"),
        (["--near-dup-threshold", "high"], "--near-dup-threshold expects a number above 0 and at most 1, got 'high'"),
        (["--near-dup-threshold", "nan"], "--near-dup-threshold expects a number above 0 and at most 1, got 'nan'"),
        (["--near-dup-threshold"], "--near-dup-threshold expects a number above 0 and at most 1"),
        (["--against"], "--against expects a file or directory path"),
        (["--against="], "--against expects a file or directory path, got ''"),
        (["-", "--against", "-"], "standard input can't be both the data and --against"),
        // The second read of standard input would find it drained, and lint an "empty file".
        (["-", "a.jsonl", "-"], "'-' (standard input) is given twice; it can be read only once"),
        (["--config", "a.json", "--no-config"], "--config and --no-config contradict each other; give one"),
    ])
    func usageErrors(arguments: [String], expected: String) {
        #expect(parsing.message(arguments) == expected)
    }

    @Test func helpListsTheOptions() {
        #expect(CheckCommand.usage.contains("--near-dup-threshold T"))
        #expect(CheckCommand.usage.contains("--against PATH"))
    }

    @Test func settingsReachTheEngine() {
        let calls = LintCalls()
        let outcome = Harness.run(
            ["check", "a.jsonl", "--near-dup-threshold", "0.7", "--against", "eval.jsonl"], calls: calls)
        #expect(outcome.status == .success)
        #expect(calls.calls.first?.options.settings.nearDuplicateThreshold == 0.7)
        #expect(calls.calls.first?.options.settings.against == [.path("eval.jsonl")])
    }

    // MARK: - With the real engine

    func run(_ arguments: [String]) -> Outcome {
        let output = Capture()
        let errors = Capture()
        var console = Console(standardOutput: output, standardError: errors, environment: [:], isTerminal: false)
        let status = SFTLintCommand.run(arguments, console: &console, toolkit: .builtIn)
        return Outcome(status: status, output: output.text, errors: errors.text)
    }

    @Test func aMissingEvalFileExitsTwoBeforeLinting() {
        let data = EndToEndTests.fixture("duplicates/copies.jsonl")
        let outcome = run(["check", data, "--against", "/nonexistent/eval.jsonl"])
        #expect(outcome.status == .error)
        #expect(outcome.output.isEmpty)
        #expect(outcome.errors == "error: cannot read '/nonexistent/eval.jsonl': no such file or directory\n")
    }

    @Test func contaminationFailsTheRunAndPointsIntoTheTrainingData() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sftlint-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let eval = directory.appendingPathComponent("eval.jsonl")
        try #"{"instruction": "水的化学式是什么？", "output": "H2O"}"#.appending("\n").write(
            to: eval, atomically: true, encoding: .utf8)
        let data = EndToEndTests.fixture("duplicates/copies.jsonl")
        let outcome = run(["check", data, "--select", "D004", "--against", eval.path, "--format", "json"])
        #expect(outcome.status == .failure)
        let report = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any]
        let findings = try #require(report?["findings"] as? [[String: Any]])
        #expect(findings.map { $0["line"] as? Int } == [11, 12, 18])
        #expect(findings.allSatisfy { ($0["path"] as? String) == data })
        let stats = try #require(report?["stats"] as? [String: Any])
        #expect((stats["contamination"] as? [String: Int])?["samples"] == 3)
    }
}
