import Foundation
import Testing

@testable import SFTLintCore

/// Every kind of bad input the README promises a precise message for: never a crash, never a hang.
@Suite("Bad input")
struct BadInputTests {
    private func lint(_ bytes: [UInt8], name: String = "data.jsonl") throws -> Report {
        try LintHarness.lint(bytes, name: name)
    }

    private func lint(_ text: String, name: String = "data.jsonl") throws -> Report {
        try LintHarness.lint(Array(text.utf8), name: name)
    }

    @Test func emptyFile() throws {
        let report = try lint("")
        #expect(report.brief == ["1:1 J001"])
        #expect(report.findings[0].message == "empty file: expected JSON records")
        #expect(report.findings[0].location.record == nil)
        #expect(report.records == 0)
    }

    @Test func whitespaceOnly() throws {
        let report = try lint("\n   \n\t\n")
        #expect(report.brief == ["1:1 J001"])
        #expect(report.findings[0].message == "file holds only whitespace: expected JSON records")
    }

    @Test func byteOrderMarkIsReportedAndTheRecordsStillRead() throws {
        let report = try lint([0xEF, 0xBB, 0xBF] + Array(#"{"instruction": "Hi", "output": "Hello."}"#.utf8))
        #expect(report.brief == ["1:1 J001"])
        #expect(report.findings[0].message.hasPrefix("file starts with a UTF-8 byte order mark"))
        #expect(report.records == 1)
        #expect(report.formats == [.alpaca: 1])
    }

    @Test func crlfLineEndingsAndNoFinalNewline() throws {
        let text = "{\"instruction\": \"Hi\", \"output\": \"Hello.\"}\r\n{\"instruction\": \"Bye\", \"output\": null}"
        let report = try lint(text)
        #expect(report.records == 2)
        #expect(report.brief == ["2:34 S003"])
    }

    @Test func aHundredMegabyteLineIsRead() throws {
        let body = String(repeating: "a", count: 100 << 20)
        let text = "{\"instruction\": \"Hi\", \"output\": \"\(body)\"}\n{\"instruction\": \"\", \"output\": \"x\"}\n"
        let report = try lint(text)
        #expect(report.records == 2)
        #expect(report.brief == ["2:17 S004"])
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000)
        let report = try lint("{\"text\": \"a\"}\n" + deep + "\n{\"instruction\": \"Hi\", \"output\": \"Hello.\"}\n")
        #expect(report.codes("J001").count == 1)
        #expect(report.codes("J001").first?.location.line == 2)
        #expect(report.codes("J001").first?.message.contains("nesting deeper than") == true)
        #expect(report.records == 3)
        let nested = String(repeating: "{\"a\":", count: 100_000)
        #expect(try lint("{\"instruction\": \"Hi\", \"output\": \"x\", \"meta\": \(nested)}\n").codes("J001").count == 1)
    }

    @Test func nulBytesInALine() throws {
        let report = try lint(Array("{\"instruction\": \"Hi\",\0 \"output\": \"x\"}\n".utf8))
        #expect(report.codes("J001").count == 1)
        #expect(report.codes("J001")[0].location.column == 22)
        let inString = try lint(Array("{\"instruction\": \"H\0i\", \"output\": \"x\"}\n".utf8))
        #expect(inString.codes("J001").count == 1)
    }

    @Test func invalidUTF8InAStringIsLocatedToTheByte() throws {
        let report = try lint(Array("{\"instruction\": \"caf".utf8) + [0xC3] + Array("\", \"output\": \"x\"}\n".utf8))
        #expect(report.brief == ["1:21 J002"])
        #expect(report.findings[0].location.pointer == "/instruction")
        #expect(report.formats == [.alpaca: 1])
    }

    @Test func anArrayCutOffMidRecord() throws {
        let text = "[\n  {\"instruction\": \"Hi\", \"output\": \"Hello.\"},\n  {\"instruction\": \"Bye\", \"outp"
        let report = try lint(text, name: "data.json")
        #expect(report.records == 2)
        #expect(report.brief.map { $0.hasSuffix("J001") } == [true])
        #expect(report.findings[0].location.line == 3)
        #expect(report.findings[0].location.record == 1)
    }

    @Test func aBrokenRecordDoesNotStopTheNextOnes() throws {
        let text = """
            {"instruction": "Hi", "output": "Hello."
            {"instruction": "Bye", "output": null}
            [1, 2
            {"conversations": [{"from": "human", "value": "Hi"}, {"from": "human", "value": "Hi?"}, {"from": "gpt", "value": "Hi."}]}

            """
        let report = try lint(text)
        #expect(report.brief == ["1:41 J001", "2:34 S003", "3:6 J001", "4:1 S006", "4:54 S009"])
        #expect(report.records == 4)
    }

    @Test func binaryFile() throws {
        let report = try lint([0x1F, 0x8B, 0x08, 0x00] + [UInt8](repeating: 0x55, count: 100), name: "data.jsonl.gz")
        #expect(report.brief == ["1:1 J001"])
        #expect(report.findings[0].message == "file is gzip-compressed; decompress it first (gunzip); not linted")
        var state: UInt32 = 12345
        let noise = (0..<4096).map { _ -> UInt8 in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
        let random = try lint(noise.map { $0 == 0 ? 1 : $0 })
        #expect(random.findings.count == 1)
        #expect(random.findings[0].message.hasPrefix("file is not UTF-8"))
        let gbk = try lint(Array("{\"instruction\": \"".utf8) + [UInt8](repeating: 0xC4, count: 60) + Array("\"}\n".utf8))
        #expect(gbk.findings.map(\.message).first?.hasPrefix("file is not UTF-8") == true)
    }

    @Test func aPathThatDoesNotExist() {
        let linter = Linter(options: LintOptions(version: "test"))
        #expect(throws: SFTLintError("cannot read '/nonexistent/train.jsonl': no such file or directory")) {
            try linter.run([.path("/nonexistent/train.jsonl")])
        }
    }

    @Test func aDirectoryWithNoDataFiles() throws {
        let file = try TemporaryFile("notes", name: "README.md")
        let linter = Linter(options: LintOptions(version: "test"))
        #expect(throws: SFTLintError("no *.json or *.jsonl files under '\(file.directory.path)'")) {
            try linter.run([.path(file.directory.path)])
        }
    }

    @Test func aDirectoryIsWalkedForDataFilesInOrder() throws {
        let file = try TemporaryFile("{\"text\": \"a\"}\n", name: "b.jsonl")
        let directory = file.directory
        try Data("[{\"text\": \"b\"}]".utf8).write(to: directory.appendingPathComponent("a.json"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: directory.appendingPathComponent(".hidden/c.jsonl"))
        try Data("x".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        let report = try Linter(options: LintOptions(version: "test")).run([.path(directory.path)])
        #expect(report.files.map { ($0.path as NSString).lastPathComponent } == ["a.json", "b.jsonl"])
        #expect(report.records == 2)
    }

    @Test func aFIFOInADirectoryIsPassedOverNotOpened() throws {
        // Opening a FIFO blocks until something writes to it: a walk that opened one would hang.
        let file = try TemporaryFile("{\"text\": \"a\"}\n", name: "b.jsonl")
        let fifo = file.directory.appendingPathComponent("a.jsonl").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let report = try Linter(options: LintOptions(version: "test")).run([.path(file.directory.path)])
        #expect(report.files.map { ($0.path as NSString).lastPathComponent } == ["b.jsonl"])
    }

    @Test func aSymlinkLoopIsNamedAsSuch() throws {
        let file = try TemporaryFile("{\"text\": \"a\"}\n", name: "b.jsonl")
        let loop = file.directory.appendingPathComponent("loop.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        #expect(throws: SFTLintError("cannot read '\(loop)': too many levels of symbolic links (a symlink loop)")) {
            try Linter(options: LintOptions(version: "test")).run([.path(loop)])
        }
    }
}
