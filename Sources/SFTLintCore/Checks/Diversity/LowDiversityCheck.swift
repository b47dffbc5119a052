/// Flags a dataset whose prompts say the same few things over and over: few distinct word pairs.
struct LowDiversityCheck: StatisticsCheck {
    static let info = CheckInfo(
        code: "V001",
        name: "low-diversity",
        summary: "The prompts of a dataset of 500 samples or more use few distinct word pairs (distinct-2).",
        rationale: """
            A model fine-tuned on prompts that vary little learns to answer that narrow band of requests and \
            generalises worse to the rest; synthetic data generated from a handful of seeds is the usual cause. \
            Distinct-2 is the share of the prompts' word pairs that are distinct (a Latin word lowercased, a \
            number or a CJK character being a word); below 0.25 the prompts repeat themselves. The real datasets \
            in benchmarks/README.md, Alpaca to GSM8K, in English and Chinese, score 0.35 or more. Smaller datasets \
            are left alone: distinct-2 falls as a dataset grows, and means little on a few hundred prompts.
            """,
        severity: .warning,
        triggering: [Example(LowDiversityCheck.templatedPrompts(count: 500))],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Translate good morning into French.", "output": "Bonjour."}
                {"instruction": "Translate good morning into French.", "output": "Bonjour !"}
                {"instruction": "把早上好翻译成法语。", "output": "Bonjour。"}
                """#)
        ]
    )

    /// Distinct-2 of prompts below this is low.
    static let threshold = 0.25
    /// Datasets with fewer samples are not judged.
    static let minimumSamples = 500

    /// `count` prompts from one template with two of ten numbers in it, alternating English and Chinese; the
    /// first line, where the finding points, is flagged.
    static func templatedPrompts(count: Int) -> String {
        let english = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        let chinese = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return (0..<count).map { i in
            let (a, b) = (i % 10, i / 10 % 10)
            let line =
                i % 2 == 0
                ? #"{"instruction": "Add \#(english[a]) and \#(english[b]).", "output": "\#(a + b + 2)"}"#
                : #"{"instruction": "计算\#(chinese[a])加\#(chinese[b])。", "output": "\#(a + b + 2)"}"#
            return (i == 0 ? "! " : "") + line
        }.joined(separator: "\n")
    }

    func conclude(_ statistics: DatasetStatistics, report: inout Findings) {
        guard statistics.samples.samples >= Self.minimumSamples, let location = statistics.runLocation else { return }
        let distinct2 = statistics.prompts.ratios[1]
        guard distinct2 < Self.threshold else { return }
        report.add(
            Self.self, at: location,
            "prompts have distinct-2 \(DuplicateWording.similarity(distinct2)) over \(statistics.samples.samples) samples, under "
                + "\(DuplicateWording.similarity(Self.threshold)): they repeat the same word pairs",
            describesFile: true)
    }
}
