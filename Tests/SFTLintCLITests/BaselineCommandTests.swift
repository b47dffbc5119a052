import Foundation
import SFTLintCore
import Testing

@testable import SFTLintCLI

/// `--write-baseline` and `--baseline` with the real engine on files, as a repository's CI runs them.
@Suite("Baseline command")
struct BaselineCommandTests {
    static let records = [
        #"{"instruction": "Say hi", "output": "Hello<|im_end|>"}"#,
        #"{"instruction": "Name a colour", "output": ""}"#,
        #"{"instruction": "Capital of France?", "output": "Paris."}"#,
        #"{"instruction": "Capital of France?", "output": "Paris."}"#,
    ]

    /// A repository: a data file and where its baseline goes.
    final class Repository {
        let root: URL
        var data: String { root.appendingPathComponent("train.jsonl").path }
        var baseline: String { root.appendingPathComponent(".sftlint-baseline.json").path }

        init(_ lines: [String]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("sftlint-baseline-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try write(lines)
        }

        func write(_ lines: [String]) throws {
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: data))
        }

        deinit { try? FileManager.default.removeItem(at: root) }
    }

    func run(_ arguments: [String]) -> Outcome {
        EndToEndTests().run(arguments)
    }

    @Test func writingABaselineAcceptsTheDataAndAGateWithItPasses() throws {
        let repo = try Repository(Self.records)
        #expect(run(["check", repo.data]).status == .failure)
        let written = run(["check", repo.data, "--write-baseline", repo.baseline])
        #expect(written.status == .success)
        #expect(written.errors == "wrote 3 findings to baseline '\(repo.baseline)'\n")
        #expect(written.output.contains("2 errors · 1 warning"))
        let baseline = try Baseline.read(path: repo.baseline)
        #expect(baseline.entries.map(\.code).sorted() == ["D001", "E003", "S004"])

        let gated = run(["check", repo.data, "--baseline", repo.baseline])
        #expect(gated.status == .success)
        #expect(gated.errors.isEmpty)
        #expect(
            gated.output.hasSuffix(
                "1 file · 4 records (alpaca 4) · 0 errors · 0 warnings · 0 infos · score 100.0/100\n"
                    + "baseline: 3 known findings not shown · 0 baseline findings no longer occur"
                    + " · the counts and score above are of new findings\n"))
    }

    @Test func aNewDefectFailsAndAFixIsCounted() throws {
        let repo = try Repository(Self.records)
        _ = run(["check", repo.data, "--write-baseline", repo.baseline])
        var lines = Self.records
        lines[1] = #"{"instruction": "Name a colour", "output": "Blue."}"#
        lines.insert(#"{"instruction": "Write a haiku", "output": "Old pond<|endoftext|>"}"#, at: 0)
        try repo.write(lines)
        let result = run(["check", repo.data, "--baseline", repo.baseline])
        #expect(result.status == .failure)
        #expect(result.output.hasPrefix("\(repo.data):1:"))
        #expect(result.output.contains("[E003 special-token]"))
        #expect(result.output.contains("· 1 error · 0 warnings · 0 infos ·"))
        #expect(result.output.contains("baseline: 2 known findings not shown · 1 baseline finding no longer occurs"))
        // --fail-under sees the new findings' score (13.5: one error in five records), not the data's (0.2).
        #expect(result.output.contains("· score 13.5/100\n"))
        let underTen = ["--fail-on", "never", "--fail-under", "10"]
        #expect(run(["check", repo.data, "--baseline", repo.baseline] + underTen).status == .success)
        #expect(run(["check", repo.data] + underTen).status == .failure)
        let json = run(["check", repo.data, "--baseline", repo.baseline, "--format", "json"])
        #expect(json.output.contains("\"baseline\": {\n    \"matched\": 2,\n    \"noLongerOccurring\": 1,\n"))
    }

    @Test func theFindingLimitAppliesAfterTheBaseline() throws {
        let line = #"{"instruction": "Ping", "output": "Pong<|im_end|>"}"#
        let repo = try Repository(Array(repeating: line, count: 3))
        _ = run(["check", repo.data, "--write-baseline", repo.baseline, "--max-findings-per-rule", "1"])
        // Every finding went into the baseline, not just the one listed.
        #expect(try Baseline.read(path: repo.baseline).entries.filter { $0.code == "E003" }.count == 3)
        try repo.write(Array(repeating: line, count: 6))
        let result = run(["check", repo.data, "--baseline", repo.baseline, "--max-findings-per-rule", "1"])
        #expect(result.output.contains("… 2 more E003 special-token findings not shown"))
        #expect(result.output.contains("· 3 errors ·"))
    }

    @Test func badBaselinesExitTwoWithAPreciseMessage() throws {
        let repo = try Repository(Self.records)
        let missing = run(["check", repo.data, "--baseline", repo.root.appendingPathComponent("nope.json").path])
        #expect(missing.status == .error)
        #expect(missing.errors.hasPrefix("error: cannot read baseline '"))
        #expect(missing.errors.hasSuffix("nope.json': no such file\n"))
        #expect(missing.output.isEmpty)

        try Data("{\"version\": 1,\n\"findings\": [,]}".utf8).write(to: URL(fileURLWithPath: repo.baseline))
        let broken = run(["check", repo.data, "--baseline", repo.baseline])
        #expect(broken.status == .error)
        #expect(broken.errors.hasPrefix("error: baseline '\(repo.baseline)' is not valid JSON: line 2, column 14: "))

        try Data("{\"version\": 9, \"findings\": []}".utf8).write(to: URL(fileURLWithPath: repo.baseline))
        let future = run(["check", repo.data, "--baseline", repo.baseline, "--exit-zero"])
        #expect(future.status == .error)
        #expect(future.errors.contains("baseline version 9 is not supported; this sftlint reads version 1"))
    }

    @Test func anUnwritableBaselineExitsTwo() throws {
        let repo = try Repository(Self.records)
        let path = repo.root.appendingPathComponent("missing/b.json").path
        let result = run(["check", repo.data, "--write-baseline", path])
        #expect(result.status == .error)
        #expect(result.errors == "error: cannot write the baseline to '\(path)': No such file or directory\n")
    }

    @Test func aBaselineNeverOverwritesAnInput() throws {
        let repo = try Repository(Self.records)
        let before = try Data(contentsOf: URL(fileURLWithPath: repo.data))
        let result = run(["check", repo.data, "--write-baseline", repo.data])
        #expect(result.status == .error)
        #expect(result.errors.hasPrefix("error: --write-baseline '\(repo.data)' is an input of this run"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: repo.data)) == before)
    }
}

/// Fingerprints cost a hash a record, so a run computes them only when its output or its baseline needs them.
@Suite struct FingerprintOptionTests {
    @Test(arguments: [
        (["check", "data.jsonl"], false),
        (["check", "data.jsonl", "--format", "github"], false),
        (["check", "data.jsonl", "--format", "junit"], false),
        (["check", "data.jsonl", "--format", "json"], true),
        (["check", "data.jsonl", "--format", "sarif"], true),
        (["check", "data.jsonl", "--write-baseline", "/nonexistent-dir/b.json"], true),
    ])
    func onlyWhenNeeded(arguments: [String], isFingerprinting: Bool) {
        let calls = LintCalls()
        _ = Harness.run(arguments, calls: calls)
        #expect(calls.calls.map(\.options.isFingerprinting) == [isFingerprinting])
    }
}
