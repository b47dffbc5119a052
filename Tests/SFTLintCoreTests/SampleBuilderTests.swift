import Testing
@testable import SFTLintCore

/// The turns `SampleBuilder` reads, compared with texts built the plain way: each string node decoded on its own
/// and joined with newlines. The builder writes joined texts into one buffer, so the two must not drift apart.
@Suite struct SampleBuilderTests {
    /// The samples of a JSONL file holding `bytes`.
    private func samples(_ bytes: [UInt8]) throws -> [Sample] {
        let file = try TemporaryFile(bytes)
        var framer = RecordFramer(file: InputFile(path: file.path, index: 0), reader: try ByteReader(path: file.path))
        var samples: [Sample] = []
        while let batch = try framer.nextBatch() {
            samples += batch.frames.map { SampleBuilder().sample(from: $0, in: batch) }
        }
        return samples
    }

    /// Checks each turn's text and segments against its string nodes decoded one by one.
    private func expectTurnsMatchTheirNodes(_ sample: Sample) throws {
        let document = try #require(sample.record.document)
        for turn in sample.turns {
            let pieces = turn.segments.map { document.string($0.node) }
            #expect(turn.text == pieces.joined(separator: "\n"))
            var offset = 0
            for (segment, piece) in zip(turn.segments, pieces) {
                #expect(segment.textOffset == offset && segment.length == piece.utf8.count)
                offset += piece.utf8.count + 1
            }
        }
    }

    @Test(arguments: [
        #"{"instruction": "Translate: 中文", "input": "第二段", "output": "ok"}"#,
        #"{"instruction": "line\none \"quoted\" \u4e2d", "input": "tab\there 😀", "output": "ok"}"#,
        #"{"instruction": "plain", "input": "\ud800 unpaired", "output": "ok"}"#,
        #"{"instruction": "", "input": "only input", "output": "ok"}"#,
        #"{"input": "no instruction", "output": "ok"}"#,
    ])
    func alpacaPromptJoinsInstructionAndInput(line: String) throws {
        let sample = try #require(try samples(Array((line + "\n").utf8)).first)
        #expect(sample.turns.count == 2)
        try expectTurnsMatchTheirNodes(sample)
    }

    @Test func invalidUTF8InAJoinedTextIsRepairedAsInEachNode() throws {
        let record = #"{"instruction": "bad % byte", "input": "中%文", "output": "ok"}"#
        let line = utf8(record, inserting: [0xFF]) + [0x0A]
        let sample = try #require(try samples(line).first)
        #expect(sample.turns.first?.text == "bad \u{FFFD} byte\n中\u{FFFD}文")
        try expectTurnsMatchTheirNodes(sample)
    }

    @Test func contentPartsJoinIntoOneTurn() throws {
        let parts = [
            #"{"type": "text", "text": "第一"}"#, #"{"type": "image"}"#, #"{"type": "text", "text": "b \"c\""}"#,
        ]
        let line = #"{"messages": [{"role": "user", "content": ["# + parts.joined(separator: ", ")
            + #"]}, {"role": "assistant", "content": "ok"}]}"#
        let sample = try #require(try samples(Array((line + "\n").utf8)).first)
        #expect(sample.turns.first?.text == "第一\nb \"c\"")
        try expectTurnsMatchTheirNodes(sample)
    }
}
