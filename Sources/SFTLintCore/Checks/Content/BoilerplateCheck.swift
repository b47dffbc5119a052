/// Flags AI disclaimers and refusals in responses, from a curated English and Chinese list; publishes the share of
/// samples that have one.
struct BoilerplateCheck: DatasetCheck, ConfigurableCheck {
    static let info = CheckInfo(
        code: "C003",
        name: "boilerplate",
        summary: "A response contains an AI disclaimer or a refusal such as \"As an AI language model\".",
        rationale: """
            Responses distilled from chat models carry their disclaimers and refusals. A fine-tuned model copies \
            them: it refuses harmless requests, talks about being a language model, and sounds like the model the \
            data came from. Refusals taught on purpose (out-of-scope tool requests) are fine; the share in `stats` \
            shows how much of the data speaks this way. Add phrases with the `boilerplatePhrases` setting.
            """,
        severity: .info,
        triggering: [
            Example(
                #"""
                ! {"instruction": "What's your favourite food?", "output": "As an AI language model, I don't eat."}
                ! {"instruction": "Order a pizza.", "output": "I'm sorry, but I cannot place orders."}
                ! {"instruction": "Stock price?", "output": "I’m sorry, but I can’t browse the internet."}
                ! {"instruction": "你最喜欢什么颜色？", "output": "作为一个人工智能语言模型，我没有个人喜好。"}
                ! {"conversations": [{"from": "human", "value": "帮我订机票。"}, {"from": "gpt", "value": "很抱歉，我无法帮助您预订机票。"}]}
                """#),
            Example(
                #"""
                ! {"instruction": "Who made you?", "output": "I was trained by Example Corp."}
                {"instruction": "你好", "output": "你好！"}
                """#, settings: RuleSettings(boilerplatePhrases: ["trained by Example Corp"])),
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "As an AI language model, answer briefly: 2+2?", "output": "4"}
                {"instruction": "Who are you?", "output": "I am an AI assistant created by Example Corp."}
                {"instruction": "Tell a story.", "output": "The robot said it was unable to sleep."}
                {"instruction": "你是谁？", "output": "我是一个人工智能助手，你可以叫我小助手。"}
                {"system": "作为一个人工智能助手，请简洁回答。", "instruction": "1+1？", "output": "2"}
                """#)
        ]
    )

    /// Disclaimers and refusals, as models write them; apostrophes also match their curly form. Every phrase
    /// holds an `A`, an `I`, a `k` or a common byte of 我 or 为, the rare bytes the search looks for first: a
    /// phrase of only common lowercase letters would make it stop every few bytes.
    static let phrases: [String] = [
        "As an AI language model", "as an AI language model", "As an AI,", "as an AI,", "As an AI assistant,",
        "as an AI assistant,", "As a language model", "As a large language model", "As an artificial intelligence",
        "I'm an AI language model", "I am an AI language model", "I'm just an AI", "I am just an AI",
        "I'm sorry, but I cannot", "I'm sorry, but I can't", "I am sorry, but I cannot", "I'm sorry, I cannot",
        "I'm sorry, I can't", "I apologize, but I cannot", "I apologize, but I can't", "I apologize, but as an AI",
        "I'm unable to", "I am unable to", "I'm not able to", "I am not able to", "I'm not capable of",
        "I am not capable of", "I cannot fulfill", "I can't fulfill", "I cannot assist with", "I can't assist with",
        "I cannot help with", "I can't help with", "I cannot provide", "I can't provide", "I cannot browse",
        "I can't browse", "I don't have personal", "I do not have personal", "I don't have the ability to",
        "I do not have the ability to", "I don't have access to", "I do not have access to", "I don't have real-time",
        "I do not have real-time", "my knowledge cutoff", "As of my last", "as of my last knowledge",
        "trained by OpenAI",
        "developed by OpenAI",
        "作为一个人工智能语言模型", "作为一个AI语言模型", "作为一个语言模型", "作为人工智能语言模型", "作为AI语言模型",
        "作为一个人工智能", "作为一名人工智能", "作为人工智能", "作为一个AI", "作为一名AI", "作为AI", "由于我是一个人工智能",
        "因为我是一个人工智能", "我只是一个人工智能", "我只是一个AI", "我无法", "很抱歉，我不能", "对不起，我不能", "抱歉，我不能",
        "我没有个人观点", "我没有个人意见", "我没有个人感受", "我不具备", "我没有能力", "我没有实时", "我的知识截止",
    ]

    /// The phrases, each apostrophe also in its curly form. Held directly by the check, so that using them retains
    /// nothing.
    var phrases = BoilerplateCheck.phraseSet(extra: [])
    /// Bytes of each response searched: models put disclaimers and refusals first (178 of the 180 in the sample
    /// datasets start within the first 200 bytes), and reading no further keeps the rule cheap on long answers.
    static let opening = 128

    func configured(with settings: RuleSettings) -> BoilerplateCheck {
        var check = self
        check.phrases = Self.phraseSet(extra: settings.boilerplatePhrases)
        return check
    }

    static func phraseSet(extra: [String]) -> PhraseSet {
        let listed = phrases + extra.filter { !$0.isEmpty }
        let curly = listed.filter { $0.contains("'") }.map { String($0.map { $0 == "'" ? "’" : $0 }) }
        return PhraseSet(listed + curly)
    }

    /// The first phrase in `bytes` (the longest of those starting there).
    static func firstMatch(of phrases: PhraseSet, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var best: Range<Int>?
        phrases.forEachMatch(in: bytes) { _, range in
            if let found = best, range.lowerBound > found.upperBound { return false }
            let isBetter = best.map { range.lowerBound < $0.lowerBound || (range.lowerBound == $0.lowerBound && range.count > $0.count) }
            if isBetter ?? true { best = range }
            return true
        }
        return best
    }

    // MARK: - State

    struct State: Mergeable {
        var findings = Findings()
        var responses = 0
        var withBoilerplate = 0

        mutating func merge(_ later: State) {
            findings.append(contentsOf: later.findings)
            responses += later.responses
            withBoilerplate += later.withBoilerplate
        }
    }

    func observe(_ sample: Sample, into state: inout State) {
        guard sample.isRecord else { return }
        var hasResponse = false
        var hasBoilerplate = false
        for index in sample.turns.indices where sample.isResponse(index) {
            hasResponse = true
            let phrase = sample.turns[index].text.withUTF8Buffer { bytes in
                Self.firstMatch(of: phrases, in: UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, Self.opening)]))
            }
            guard let phrase else { continue }
            hasBoilerplate = true
            let turn = sample.turns[index]
            state.findings.add(
                Self.self, at: turn.location(ofUTF8: phrase), "disclaimer or refusal \"\(turn.text(ofUTF8: phrase))\"")
        }
        if hasResponse { state.responses += 1 }
        if hasBoilerplate { state.withBoilerplate += 1 }
    }

    func conclude(_ state: State, report: inout Findings) {
        report.append(contentsOf: state.findings)
    }

    func statistics(_ state: State) -> [String: JSONValue] {
        ["boilerplate": ShareStatistic(samples: state.withBoilerplate, of: state.responses).json]
    }
}
