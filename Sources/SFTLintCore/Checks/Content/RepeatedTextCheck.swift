/// Flags responses that loop: the same line, sentence or phrase over and over.
struct RepeatedTextCheck: SampleCheck {
    static let info = CheckInfo(
        code: "C007",
        name: "repeated-text",
        summary: "A response repeats the same line, sentence or phrase over and over.",
        rationale: """
            Degenerate repetition is what a model does when generation goes wrong; a dataset distilled from a \
            model keeps those outputs, and a model trained on them learns to loop. Lists and tables that repeat \
            a shape, short refrains and code are not flagged, nor is repetition the prompt asks for.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Apologise.", "output": "I'm sorry, I cannot do that. I'm sorry, I cannot do that. I'm sorry, I cannot do that. I'm sorry, I cannot do that."}
                ! {"instruction": "这是什么问题？", "output": "这是一个很好的问题。这是一个很好的问题。这是一个很好的问题。"}
                ! {"instruction": "List a recipe.", "output": "- Apple pie recipe\n- Apple pie recipe\n- Apple pie recipe\n- Apple pie recipe\n- Apple pie recipe"}
                ! {"instruction": "Laugh.", "output": "Ha ha ha ha ha ha ha ha ha ha ha ha"}
                ! {"instruction": "写点什么。", "output": "好的好的好的好的好的好的好的好的"}
                ! {"conversations": [{"from": "human", "value": "Continue."}, {"from": "gpt", "value": "The story goes on.\nThe end is near.\nThe end is near.\nThe end is near.\nThe end is near."}]}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Sing.", "output": "Let it be, let it be, let it be, let it be. Whisper words of wisdom."}
                {"instruction": "Show a table.", "output": "| Day | Mon | Tue | Wed |\n|---|---|---|---|\n| Open | Yes | Yes | Yes |\n| Shop | Yes | Yes | Yes |\n| Bank | Yes | Yes | Yes |\n| Post | Yes | Yes | Yes |"}
                {"instruction": "Print a loop.", "output": "```python\nprint('hello world again')\nprint('hello world again')\nprint('hello world again')\nprint('hello world again')\n```"}
                {"instruction": "Indented.", "output": "Code:\n\n    x = x + 1\n    x = x + 1\n    x = x + 1\n    x = x + 1\n    x = x + 1\n\nDone."}
                {"instruction": "列出星期。", "output": "1. 星期一：上课\n2. 星期二：上课\n3. 星期三：上课\n4. 星期四：上课\n5. 星期五：上课"}
                {"instruction": "Repeat 'thank you' seven times.", "output": "Thank you thank you thank you thank you thank you thank you thank you"}
                {"instruction": "把“加油”重复八遍。", "output": "加油加油加油加油加油加油加油加油"}
                {"instruction": "Zero vector.", "output": "[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]"}
                {"instruction": "Laugh.", "input": "Ha ha ha ha ha ha ha ha ha ha ha ha", "output": "Ha, that is funny."}
                """#)
        ]
    )

    /// Prompts that ask for repetition: "repeat the word ten times", "重复三遍".
    static let repetitionCues = PromptCues(["repeat", "repetit", "重复", "遍", "复读"])

    func inspect(_ sample: Sample, report: inout Findings) {
        for index in sample.turns.indices where sample.turns.isResponse(index) {
            inspect(response: index, of: sample, report: &report)
        }
    }

    private func inspect(
        response index: Int, of sample: Sample, report: inout Findings
    ) {
        let turns = sample.turns
        let found = turns[index].text.withUTF8Buffer { bytes -> RepeatedRun? in
            guard RepetitionSieve.mayLoop(bytes) else { return nil }
            var code: CodeRegions?
            return RepeatedRun.first(in: bytes) { run in
                if code == nil { code = CodeRegions(turns[index].text) }
                return code?.overlaps(run.unit.lowerBound..<run.end) == false
            }
        }
        guard let run = found else { return }
        if let prompt = sample.promptIndex(before: index),
            Self.repetitionCues.firstMatch(in: turns[prompt].text) != nil
        {
            return
        }
        let turn = turns[index]
        let unit = turn.text.withUTF8Buffer { Self.quote($0, run.unit) }
        let times =
            run.isCutShort
            ? "at least \(run.copies) times in a row (only a text's first \(RepeatedRun.tokenLimit) words are searched)"
            : "\(run.copies) times in a row"
        report.add(
            Self.self, at: turn.location(atTextByte: run.repeatStart), "\(unit) repeats \(times)",
            related: [RelatedLocation(turn.location(atTextByte: run.unit.lowerBound), note: "first copy")])
    }

    /// The unit in quotes, spaces and line breaks collapsed, cut to 50 characters.
    static func quote(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count > 50 ? "\"\(words.prefix(50))…\"" : "\"\(words)\""
    }
}
