/// Flags samples longer than the training sequence length given with `--max-tokens`.
struct TooLongCheck: SampleCheck, ConfigurableCheck {
    static let info = CheckInfo(
        code: "L002",
        name: "too-long",
        summary: "A sample is longer than the token budget given with --max-tokens.",
        rationale: """
            A trainer cuts a sample at its sequence length: the end of the response and its end-of-sequence token \
            are lost, so the model learns an answer that stops mid-sentence and never learns to stop there. \
            Lengths are estimated (see the README's token estimate), without the chat template's own tokens; \
            `stats.budget` adds up the tokens cut off and the padding and packing cost of the budget.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Describe the water cycle.", "output": "Water evaporates from oceans and lakes, rises as vapour, cools and condenses into clouds, and falls again as rain or snow."}
                {"instruction": "Name a colour.", "output": "Blue."}
                ! {"instruction": "描述一下水循环。", "output": "水从海洋和湖泊蒸发，变成水蒸气上升，遇冷凝结成云，再以雨或雪的形式落回地面。"}
                {"instruction": "说一种颜色。", "output": "蓝色。"}
                """#, settings: TooLongCheck.budget(20))
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Describe the water cycle.", "output": "Water evaporates from oceans and lakes, rises as vapour, cools and condenses into clouds, and falls again as rain or snow."}
                {"instruction": "描述一下水循环。", "output": "水从海洋和湖泊蒸发，变成水蒸气上升，遇冷凝结成云，再以雨或雪的形式落回地面。"}
                """#),
            Example(
                #"""
                {"instruction": "Name a colour.", "output": "Blue."}
                {"conversations": [{"from": "human", "value": "说一种颜色。"}, {"from": "gpt", "value": "蓝色。"}]}
                """#, settings: TooLongCheck.budget(20)),
        ],
        activation: "only with --max-tokens N: the training sequence length, in estimated tokens"
    )

    /// Settings with a budget of `tokens`, for the examples.
    static func budget(_ tokens: Int) -> RuleSettings {
        var settings = RuleSettings()
        settings.maxTokens = tokens
        return settings
    }

    /// The budget in estimated tokens; nil turns the rule off.
    var maxTokens: Int?

    func configured(with settings: RuleSettings) -> TooLongCheck {
        var copy = self
        copy.maxTokens = settings.maxTokens
        return copy
    }

    func inspect(_ sample: Sample, report: inout Findings) {
        guard let maxTokens, maxTokens > 0, sample.isRecord, sample.format != nil else { return }
        let profile = SampleProfile.of(sample)
        guard profile.sample.tokens > maxTokens else { return }
        let cut = profile.sample.tokens - maxTokens
        report.add(
            Self.self, at: sample.location,
            "sample has about \(profile.sample.tokens) tokens, over the budget of \(maxTokens): the last \(cut) "
                + "would be cut, with the end of the response")
    }
}
