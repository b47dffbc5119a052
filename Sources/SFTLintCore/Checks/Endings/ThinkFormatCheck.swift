/// Flags malformed `<think>…</think>` reasoning blocks, reasoning outside assistant turns, and files where only
/// some responses carry reasoning; publishes the share of samples with reasoning.
struct ThinkFormatCheck: DatasetCheck {
    static let info = CheckInfo(
        code: "E004",
        name: "think-format",
        summary: "A <think> block is unbalanced, empty or outside the assistant turn, or only some responses reason.",
        rationale: """
            Reasoning models (DeepSeek-R1, Qwen3, QwQ) learn the shape of their thinking from the data: a block \
            that never closes teaches the model to think forever, a `</think>` with nothing after it to stop \
            without answering, and tags in a prompt to expect reasoning from the user. A file where some responses \
            reason and others don't teaches the model to reason at random; empty blocks are how some templates \
            mark "no thinking", so they are reported once per file, with the count, rather than record by record.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                ! {"instruction": "2+2?", "output": "<think>Two plus two is four."}
                ! {"instruction": "2+3?", "output": "Five.</think>"}
                ! {"instruction": "2+4?", "output": "<think>Two plus four is six.</think>"}
                ! {"messages": [{"role": "user", "content": "<think>先想一想</think>北京在哪里？"}, {"role": "assistant", "content": "<think>北京是首都。</think>北京在中国北方。"}]}
                ! {"instruction": "你好", "output": "<think><think>嗯</think>你好！"}
                """#),
            Example(
                #"""
                {"instruction": "2+2?", "output": "<think>Two plus two is four.</think>Four."}
                {"instruction": "2+3?", "output": "<think>2 and 3 make 5.</think>Five."}
                ! {"instruction": "2+4?", "output": "Six."}
                {"instruction": "你好", "output": "你好！"}
                """#),
            Example(
                #"""
                {"instruction": "2+2?", "output": "<think>Two plus two is four.</think>Four."}
                ! {"instruction": "Hi", "output": "<think>\n\n</think>\n\nHello!"}
                {"instruction": "你好", "output": "<think></think>你好！"}
                """#),
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "2+2?", "output": "<think>Two plus two is four.</think>\n\nFour."}
                {"conversations": [{"from": "human", "value": "北京在哪里？"}, {"from": "gpt", "value": "<think>北京是中国的首都。</think>北京在中国北方。"}]}
                {"instruction": "Explain the tag.", "output": "<think>They ask about a tag.</think>Models write `<think>` before reasoning."}
                """#),
            Example(
                #"""
                {"instruction": "2+2?", "output": "Four."}
                {"instruction": "你好", "output": "你好！"}
                """#),
        ]
    )

    // MARK: - State

    /// Per file: how many responses reason, and where the first of each kind is.
    struct FileCounts: Sendable {
        var withReasoning = 0
        var withEmptyBlock = 0
        var without = 0
        var firstWithReasoning: Location?
        var firstEmptyBlock: Location?
        var firstWithout: Location?

        mutating func merge(_ later: FileCounts) {
            withReasoning += later.withReasoning
            withEmptyBlock += later.withEmptyBlock
            without += later.without
            firstWithReasoning = firstWithReasoning ?? later.firstWithReasoning
            firstEmptyBlock = firstEmptyBlock ?? later.firstEmptyBlock
            firstWithout = firstWithout ?? later.firstWithout
        }

        var responses: Int { withReasoning + withEmptyBlock + without }
    }

    struct State: Mergeable {
        /// Malformed blocks, found record by record.
        var findings = Findings()
        /// Counts by file index, in the order files come. Not a dictionary: every record counts, and the records
        /// of a batch all come from one file, so the last entry is nearly always the one to update, in place.
        var files: [(file: Int, counts: FileCounts)] = []

        mutating func merge(_ later: State) {
            findings.append(contentsOf: later.findings)
            for (file, counts) in later.files { files[slot(of: file)].counts.merge(counts) }
        }

        /// The entry of `file`, made when missing.
        mutating func slot(of file: Int) -> Int {
            if let last = files.indices.last, files[last].file == file { return last }
            if let found = files.firstIndex(where: { $0.file == file }) { return found }
            files.append((file, FileCounts()))
            return files.count - 1
        }
    }

    private static let tags = PhraseSet(["<think>", "</think>"])

    // MARK: - Observing

    func observe(_ sample: Sample, into state: inout State) {
        guard sample.isRecord else { return }
        var response: Int?
        var reasoning: (turn: Int, range: Range<Int>)?
        var emptyBlock: (turn: Int, range: Range<Int>)?
        for index in sample.turns.indices where !sample.turns[index].isToolCall {
            let isAssistant = sample.turns[index].role == .assistant
            if isAssistant, response == nil { response = index }
            guard sample.turns[index].marks.contains(.angle) else { continue }
            let blocks = sample.turns[index].text.withUTF8Buffer { bytes in
                Self.blocks(in: bytes, isAssistant: isAssistant, text: sample.turns[index].text)
            }
            guard let blocks else { continue }
            let turn = sample.turns[index]
            if !isAssistant {
                let role = turn.role?.rawValue ?? turn.tag
                state.findings.add(
                    Self.self, at: turn.location(ofUTF8: blocks.firstTag),
                    "\"\(turn.text(ofUTF8: blocks.firstTag))\" in a \(role) turn: reasoning belongs in the assistant's response"
                )
                continue
            }
            if let problem = blocks.problem {
                state.findings.add(Self.self, at: turn.location(ofUTF8: problem.range), problem.message)
            }
            if blocks.isOnlyEmpty {
                emptyBlock = emptyBlock ?? (index, blocks.firstTag)
            } else {
                reasoning = reasoning ?? (index, blocks.firstTag)
            }
        }
        guard let response else { return }
        // Locations are worked out only for the first of each kind in a file: they cost more than the counting.
        let at = { (turn: Int, range: Range<Int>) in sample.turns[turn].location(ofUTF8: range) }
        let file = state.slot(of: sample.record.file.index)
        // The first of each kind is where its count becomes 1: testing the count, not the optional location,
        // saves copying a location for every record.
        if let reasoning {
            state.files[file].counts.withReasoning += 1
            if state.files[file].counts.withReasoning == 1 {
                state.files[file].counts.firstWithReasoning = at(reasoning.turn, reasoning.range)
            }
        } else if let emptyBlock {
            state.files[file].counts.withEmptyBlock += 1
            if state.files[file].counts.withEmptyBlock == 1 {
                state.files[file].counts.firstEmptyBlock = at(emptyBlock.turn, emptyBlock.range)
            }
        } else {
            state.files[file].counts.without += 1
            if state.files[file].counts.without == 1 {
                state.files[file].counts.firstWithout = sample.turns[response].location
            }
        }
    }

    /// The think tags of one turn, outside code, read as blocks; nil when it has none.
    private static func blocks(in bytes: UnsafeBufferPointer<UInt8>, isAssistant: Bool, text: String) -> Blocks? {
        var found: [(isOpening: Bool, range: Range<Int>)] = []
        tags.anchors.forEachOffset(in: bytes) { offset in
            tags.forEachMatch(anchoredAt: offset, in: bytes) { tag, range in found.append((tag == 0, range)) }
            return true
        }
        guard !found.isEmpty else { return nil }
        // A tag written as code (`<think>`) is about the format, not reasoning.
        if bytes.contains(UInt8(ascii: "`")) || bytes.contains(UInt8(ascii: "~")) {
            let code = CodeRegions(text)
            found.removeAll { code.contains($0.range.lowerBound) }
            guard !found.isEmpty else { return nil }
        }
        var blocks = Blocks(firstTag: found[0].range)
        for tag in found where blocks.problem == nil { blocks.note(isOpening: tag.isOpening, at: tag.range, in: bytes) }
        if isAssistant { blocks.finish(in: bytes) }
        return blocks
    }

    /// The `<think>` blocks of one turn, read tag by tag.
    struct Blocks {
        var firstTag: Range<Int>
        var openTag: Range<Int>?
        var lastClose: Range<Int>?
        var hasReasoning = false
        var problem: (range: Range<Int>, message: String)?

        /// Well-formed blocks with nothing in them: a template's way to mark "no thinking".
        var isOnlyEmpty: Bool { problem == nil && !hasReasoning }

        mutating func note(isOpening: Bool, at range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) {
            if isOpening {
                if openTag != nil {
                    problem = (range, "\"<think>\" opened again before \"</think>\" closed the block before it")
                }
                openTag = range
                return
            }
            guard let opened = openTag else {
                problem = (range, "\"</think>\" without an opening \"<think>\"")
                return
            }
            let content = UnsafeBufferPointer(rebasing: bytes[opened.upperBound..<range.lowerBound])
            if TextBytes.trimmedEnd(content, before: content.count) > 0 { hasReasoning = true }
            openTag = nil
            lastClose = range
        }

        /// Checks the end of an assistant turn: the last block must be closed, and an answer must follow it.
        mutating func finish(in bytes: UnsafeBufferPointer<UInt8>) {
            guard problem == nil else { return }
            if let openTag {
                problem = (openTag, "\"<think>\" is never closed: the whole response is reasoning")
            } else if let lastClose, TextBytes.trimmedStart(bytes, from: lastClose.upperBound) == bytes.count {
                problem = (lastClose, "nothing after \"</think>\": the response reasons but never answers")
            }
        }
    }

    // MARK: - Concluding

    func conclude(_ state: State, report: inout Findings) {
        report.append(contentsOf: state.findings)
        for (_, counts) in state.files.sorted(by: { $0.file < $1.file }) {
            if counts.withReasoning > 0, counts.without > 0, let at = counts.firstWithout,
                let example = counts.firstWithReasoning
            {
                report.add(
                    Self.self, at: at,
                    "only \(counts.withReasoning) of \(counts.responses) responses carry reasoning "
                        + "(\(Self.percent(counts.withReasoning, of: counts.responses))); first without here",
                    related: [RelatedLocation(example, note: "first with reasoning")], describesFile: true)
            }
            if counts.withEmptyBlock > 0, let at = counts.firstEmptyBlock {
                report.add(
                    Self.self, at: at,
                    "\(counts.withEmptyBlock) of \(counts.responses) responses have only an empty \"<think></think>\" "
                        + "block; first here", describesFile: true)
            }
        }
    }

    func statistics(_ state: State) -> [String: JSONValue] {
        let totals = state.files.reduce(into: FileCounts()) { $0.merge($1.counts) }
        return ["reasoning": ShareStatistic(samples: totals.withReasoning, of: totals.responses).json]
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        (NumberFormatting.fixed(whole == 0 ? 0 : 100 * Double(part) / Double(whole), places: 1) ?? "0") + "%"
    }
}

/// A count of samples with some property and its share of the samples with a response, as published in `stats`.
struct ShareStatistic {
    var samples: Int
    var of: Int

    var json: JSONValue {
        .object([
            "samples": .integer(samples),
            "share": .decimal(of == 0 ? 0 : Double(samples) / Double(of), places: 4),
        ])
    }
}
