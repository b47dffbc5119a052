@testable import SFTLintCore

/// A hand-built report with what reporters must handle: related locations, a finding about a whole file
/// (`record: nil`), Chinese text, characters JSON must escape, and counts that need thousands separators.
enum SampleReport {
    static func location(_ path: String, _ file: Int, _ line: Int, _ column: Int, _ record: Int?, _ pointer: String)
        -> Location
    {
        Location(path: path, fileIndex: file, line: line, column: column, record: record, pointer: pointer)
    }

    /// Fingerprints as the engine would set them, so reporters that print them have one to print.
    static let findings = unfingerprinted.enumerated().map { index, finding in
        var finding = finding
        finding.fingerprint = "00000000000000a\(index)"
        return finding
    }

    static let unfingerprinted = [
        Finding(
            code: "D002", rule: "conflicting-response", severity: .warning,
            message: "same prompt as line 14, different response",
            location: location("data/train.jsonl", 0, 15, 3, 14, "/output"),
            related: [RelatedLocation(location("data/train.jsonl", 0, 14, 3, 13, "/output"), note: "first seen here")]),
        Finding(
            code: "E003", rule: "special-token", severity: .error, message: #"contains "<|im_end|>""#,
            location: location("data/train.jsonl", 0, 20, 18, 19, "/output")),
        Finding(
            code: "L004", rule: "short-response", severity: .info,
            message: "response is one character: \"好\"\tafter 你好/世界\u{1}",
            location: location("data/train.jsonl", 0, 31, 1, 30, "/conversations/1/value")),
        Finding(
            code: "J005", rule: "byte-order-mark", severity: .error,
            message: #"file starts with a byte order mark \ufeff"#,
            location: location("data/chat.json", 1, 1, 1, nil, "")),
    ]

    static let report = Report(
        tool: .init(version: "test"),
        files: [
            .init(path: "data/train.jsonl", formats: [.alpaca: 12_004], records: 12_004),
            .init(path: "data/chat.json", formats: [.sharegpt: 36_206, .openai: 0], records: 36_206),
        ],
        findings: findings,
        rules: [],
        score: Score(
            overall: 93.8,
            categories: [
                .duplicates: .init(errors: 0, warnings: 1, infos: 0, value: 99.9),
                .endings: .init(errors: 1, warnings: 0, infos: 0, value: 99.8),
                .json: .init(errors: 1, warnings: 0, infos: 0, value: 99.8),
                .length: .init(errors: 0, warnings: 0, infos: 1, value: 100),
            ]))

    /// A report with nothing found.
    static func clean(files: [Report.File]) -> Report {
        Report(
            tool: .init(version: "test"), files: files, findings: [], rules: [],
            score: Score(overall: 100, categories: [:]))
    }
}
