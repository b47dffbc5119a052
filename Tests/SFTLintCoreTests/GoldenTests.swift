import Foundation
import Testing

@testable import SFTLintCore

/// One fixture dataset, as a test argument.
struct GoldenDataset: Sendable, CustomTestStringConvertible {
    /// Relative to the repository root, as findings print it: `fixtures/datasets/alpaca/mixed.jsonl`.
    let path: String

    var testDescription: String { path }

    /// `fixtures/golden/alpaca/mixed.<reporter id>`.
    func goldenPath(_ reporter: String) -> String {
        let relative = String(path.dropFirst("fixtures/datasets/".count))
        let stem = (relative as NSString).deletingPathExtension
        return "fixtures/golden/\(stem).\(reporter)"
    }

    static let all: [GoldenDataset] = {
        let base = Repository.fixtures.appendingPathComponent("datasets")
        let walker = FileManager.default.enumerator(atPath: base.path)
        var found: [String] = []
        while let relative = walker?.nextObject() as? String {
            if relative.hasSuffix(".json") || relative.hasSuffix(".jsonl") { found.append("fixtures/datasets/" + relative) }
        }
        return found.sorted().map(GoldenDataset.init)
    }()
}

/// Lints every fixture dataset with the defaults and compares each reporter's output with its golden, byte for
/// byte. `SFTLINT_RECORD=1 swift test` rewrites the goldens; a missing golden is written and the test fails,
/// so that a person reviews it before committing.
@Suite("Goldens")
struct GoldenTests {
    @Test func thereAreFixtures() {
        #expect(GoldenDataset.all.count >= 5)
    }

    @Test(arguments: GoldenDataset.all)
    func reportsMatchTheirGoldens(_ dataset: GoldenDataset) throws {
        // Relative paths keep goldens independent of where the repository is checked out.
        try #require(FileManager.default.changeCurrentDirectoryPath(Repository.root.path))
        let report = try Linter(options: LintOptions(jobs: 2, version: "test")).run([.path(dataset.path)])
        let isRecording = ProcessInfo.processInfo.environment["SFTLINT_RECORD"] == "1"
        for reporter in allReporters {
            let rendered = reporter.init(options: ReporterOptions()).render(report)
            let golden = Repository.root.appendingPathComponent(dataset.goldenPath(reporter.id))
            let expected = try? String(contentsOf: golden, encoding: .utf8)
            if isRecording || expected == nil {
                try FileManager.default.createDirectory(
                    at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
                try rendered.write(to: golden, atomically: true, encoding: .utf8)
            }
            #expect(expected != nil, "wrote missing golden \(dataset.goldenPath(reporter.id)); review and commit it")
            if let expected, !isRecording {
                #expect(rendered == expected, "\(dataset.goldenPath(reporter.id)) differs; rerun with SFTLINT_RECORD=1 and review the diff")
            }
        }
    }
}
