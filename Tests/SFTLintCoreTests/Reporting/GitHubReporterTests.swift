import Testing

@testable import SFTLintCore

/// Workflow commands must survive hostile text: a message or path can't end the command or start another.
@Suite struct GitHubReporterTests {
    static func finding(_ severity: Severity, message: String = "bad", path: String = "data.jsonl", line: Int = 3)
        -> Finding
    {
        Finding(
            code: "E003", rule: "special-token", severity: severity, message: message,
            location: Location(path: path, fileIndex: 0, line: line, column: 5, record: 2, pointer: "/output"))
    }

    static func report(_ findings: [Finding]) -> Report {
        Report(
            tool: .init(version: "test"), files: [.init(path: "data.jsonl", formats: [.alpaca: 3], records: 3)],
            findings: findings, rules: [], score: Score(overall: 50, categories: [:]))
    }

    @Test func writesOneCommandPerFindingAndASummary() {
        let output = GitHubReporter().render(Self.report([Self.finding(.error), Self.finding(.info)]))
        #expect(
            output == """
                ::error file=data.jsonl,line=3,col=5,title=E003 special-token::bad
                ::notice file=data.jsonl,line=3,col=5,title=E003 special-token::bad
                sftlint: 1 file · 3 records (alpaca 3) · 1 error · 0 warnings · 1 info · score 50.0/100

                """)
    }

    @Test func escapesHostileMessagesAndPaths() {
        let hostile = "100% sure\r\n::error::injected, see: %0A"
        let finding = Self.finding(.warning, message: hostile, path: "a,b:c%d\n.jsonl")
        let line = GitHubReporter().render(Self.report([finding])).split(separator: "\n")[0]
        #expect(
            line == "::warning file=a%2Cb%3Ac%25d%0A.jsonl,line=3,col=5,title=E003 special-token"
                + "::100%25 sure%0D%0A::error::injected, see: %250A")
        // Nothing in the output starts a second command.
        #expect(GitHubReporter().render(Self.report([finding])).split(separator: "\n").count == 2)
    }

    @Test func relatedLocationsJoinTheMessageOnEscapedLines() {
        var finding = Self.finding(.warning)
        finding.related = [
            RelatedLocation(
                Location(path: "data.jsonl", fileIndex: 0, line: 1, column: 1, record: 0, pointer: ""),
                note: "first seen here")
        ]
        let output = GitHubReporter().render(Self.report([finding]))
        #expect(output.hasPrefix("::warning file=data.jsonl,line=3,col=5,title=E003 special-token::bad%0Adata.jsonl:1:1: first seen here\n"))
    }

    @Test func capsAnnotationsPerSeverityAndSaysSo() {
        let findings = (1...25).map { Self.finding(.error, line: $0) } + (1...3).map { Self.finding(.warning, line: $0) }
        let output = GitHubReporter().render(Self.report(findings))
        let lines = output.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == GitHubReporter.annotationsPerKind)
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 3)
        // The first findings, in report order.
        #expect(lines.first == "::error file=data.jsonl,line=1,col=5,title=E003 special-token::bad")
        #expect(lines.last?.hasSuffix("· 13 of 28 findings annotated (GitHub shows 10 of each severity per step;"
            + " run with --format text or sarif for all)") == true)
        #expect(lines.last?.hasPrefix("sftlint: 1 file · 3 records (alpaca 3) · 25 errors · 3 warnings") == true)
    }
}
