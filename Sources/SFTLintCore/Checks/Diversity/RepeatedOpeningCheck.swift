/// Flags a response opening that a large share of a dataset's responses start with.
struct RepeatedOpeningCheck: StatisticsCheck {
    static let info = CheckInfo(
        code: "V002",
        name: "repeated-opening",
        summary: "More than 10% of responses open with the same words, such as \"Sure! Here's\" or \"好的，这很简单\".",
        rationale: """
            A model learns openings first: when one in ten answers starts the same way, it starts every answer \
            that way. The opening is the first 5 words or 8 CJK characters, compared without case, punctuation or \
            spacing, of responses that go on beyond it (a one-word label such as "Positive" opens nothing). Counted \
            exactly up to 1,024 distinct openings, then with a Misra-Gries sketch whose counts are at most 0.1% \
            of the responses low. Reported once per opening, at its first response, for datasets of 10 responses \
            or more.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Name a primary colour.", "output": "Sure! Here's a simple answer: blue."}
                {"instruction": "Name a planet.", "output": "Mars is the fourth planet."}
                {"instruction": "Name a fruit.", "output": "sure, here's a simple answer: an apple."}
                {"instruction": "Name a river.", "output": "The Nile flows through Egypt."}
                {"instruction": "Name a mountain.", "output": "Everest is the highest mountain."}
                ! {"instruction": "说一种颜色。", "output": "好的，这个问题很简单：红色。"}
                {"instruction": "说一种动物。", "output": "大象是陆地上最大的动物。"}
                {"instruction": "说一种水果。", "output": "好的，这个问题很简单！苹果。"}
                {"instruction": "说一个国家。", "output": "中国位于亚洲东部。"}
                {"instruction": "说一颗行星。", "output": "火星是太阳系的第四颗行星。"}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Name a primary colour.", "output": "Sure! Here's a primary colour: blue."}
                {"instruction": "Name a planet.", "output": "Mars is the fourth planet."}
                {"instruction": "Name a fruit.", "output": "An apple is a fruit."}
                {"instruction": "Name a river.", "output": "The Nile flows through Egypt."}
                {"instruction": "Name a mountain.", "output": "Everest is the highest mountain."}
                {"instruction": "说一种颜色。", "output": "好的，这很简单：红色是一种颜色。"}
                {"instruction": "说一种动物。", "output": "大象是陆地上最大的动物。"}
                {"instruction": "说一种水果。", "output": "苹果是一种水果。"}
                {"instruction": "说一个国家。", "output": "中国位于亚洲东部。"}
                {"instruction": "说一颗行星。", "output": "火星是太阳系的第四颗行星。"}
                {"instruction": "Is this review positive? I loved it.", "output": "Positive"}
                {"instruction": "Is this review positive? Great film.", "output": "Positive"}
                """#),
            Example(
                #"""
                {"instruction": "Name a colour.", "output": "Sure! Here's one: blue."}
                {"instruction": "Name a fruit.", "output": "Sure! Here's one: an apple."}
                {"instruction": "说一种颜色。", "output": "好的，这很简单：红色。"}
                """#),
        ]
    )

    /// An opening shared by more than this share of responses is reported.
    static let threshold = 0.10
    /// Datasets with fewer responses are not judged.
    static let minimumResponses = 10

    func conclude(_ statistics: DatasetStatistics, report: inout Findings) {
        let total = statistics.responsesWithWords
        guard total >= Self.minimumResponses else { return }
        let openings = statistics.responseOpenings
        // The texts of the top openings are made only when one of them is reported.
        guard Double(openings.largestCount) > Self.threshold * Double(total) else { return }
        for entry in openings.top(DatasetStatistics.topOpenings) where Double(entry.count) > Self.threshold * Double(total) {
            let percent = Int((100 * Double(entry.count) / Double(total)).rounded())
            report.add(
                Self.self, at: entry.example.location(in: openings.paths),
                "\(percent)% of responses (\(entry.count) of \(total)) open with \"\(entry.text)\": the model "
                    + "will start every answer that way", describesFile: true)
        }
    }
}
