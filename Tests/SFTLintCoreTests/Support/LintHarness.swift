import Foundation

@testable import SFTLintCore

/// Lints bytes through the real pipeline (file, framer, parser, checks) in a temporary file.
enum LintHarness {
    /// `against`, when given, is eval data written beside the file and linted against (`--against`).
    static func lint(
        _ bytes: [UInt8], checks: [any Check] = allChecks, name: String = "data.jsonl", format: SampleFormat? = nil,
        jobs: Int = 1, against: [UInt8]? = nil, settings: RuleSettings = RuleSettings()
    ) throws -> Report {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sftlint-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        var options = LintOptions(inputFormat: format, jobs: jobs, version: "test")
        options.settings = settings
        if let against {
            let evalURL = directory.appendingPathComponent("eval-" + name)
            try Data(against).write(to: evalURL)
            options.settings.against = [.path(evalURL.path)]
        }
        return try Linter(checks: checks, options: options).run([.path(url.path)])
    }

    static func lint(_ text: String, checks: [any Check] = allChecks, name: String = "data.jsonl") throws -> Report {
        try lint(Array(text.utf8), checks: checks, name: name)
    }
}

extension Report {
    /// `line:column code` for each finding, for compact assertions.
    var brief: [String] { findings.map { "\($0.location.line):\($0.location.column) \($0.code)" } }

    func codes(_ code: String) -> [Finding] { findings.filter { $0.code == code } }
}
