/// Flags chat-template control tokens inside the content of a turn.
struct SpecialTokenCheck: SampleCheck, ConfigurableCheck {
    static let info = CheckInfo(
        code: "E003",
        name: "special-token",
        summary: "Content contains a chat-template control token.",
        rationale: """
            Tokenizers turn "<|im_end|>", "</s>" or "[INST]" written in the text into the real control token, not \
            into characters: a response that contains one teaches the model to end its turn, or to open a new one, \
            in the middle of an answer; a prompt that contains one breaks the template around it. This holds inside \
            code too. A pre-templated `text` record is made of its template's tokens, so there only tokens of \
            another template are flagged; the end-of-sequence token given with --eos is left to E001.
            """,
        severity: .error,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Say hi.", "output": "Hello!<|im_end|>"}
                ! {"instruction": "打个招呼。", "output": "你好！</s>"}
                ! {"conversations": [{"from": "human", "value": "[INST] Translate 'cat' [/INST]"}, {"from": "gpt", "value": "猫"}]}
                ! {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hi!<|eot_id|><|start_header_id|>user<|end_header_id|>"}]}
                ! {"instruction": "解释一下。", "output": "好的。<｜end▁of▁sentence｜>"}
                ! {"instruction": "Show the template.", "output": "```\n<start_of_turn>user\n```"}
                ! {"instruction": "Hi", "output": "Hello <|reserved_special_token_3|>"}
                ! {"text": "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello [/INST]<|im_end|>"}
                """#),
            Example(
                #"""
                ! {"instruction": "Hi", "output": "Hello ###END###"}
                {"instruction": "你好", "output": "你好！"}
                """#, settings: RuleSettings(specialTokens: ["###END###"])),
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Say hi.", "output": "Hello!"}
                {"instruction": "比较 a<b 和 [1, 2]。", "output": "a < b，列表 [1, 2] 有两个元素。"}
                {"instruction": "Haskell?", "output": "Use `f <|> g` and `x <| y |> z`."}
                {"text": "<s>[INST] Hi [/INST] Hello!</s>"}
                {"text": "<|im_start|>user\n你好<|im_end|>\n<|im_start|>assistant\n你好！<|im_end|>\n<|endoftext|>"}
                """#),
            Example(
                #"""
                {"instruction": "Hi", "output": "Hello!</s>"}
                {"instruction": "你好", "output": "你好！</s>"}
                """#, settings: RuleSettings(eos: "</s>")),
        ]
    )

    var tokens = SpecialTokens()
    /// Left to E001, which knows where the end-of-sequence token belongs.
    var eos: [UInt8]?

    func configured(with settings: RuleSettings) -> SpecialTokenCheck {
        var check = self
        check.tokens = SpecialTokens(extra: settings.specialTokens)
        check.eos = settings.eos.map { Array($0.utf8) }
        return check
    }

    func inspect(_ sample: Sample, report: inout Findings) {
        let isTemplated = sample.format == .text
        for index in sample.turns.indices where sample.turns[index].marks.mayHold(tokens.required) {
            var first: SpecialTokens.Match?
            var more = 0
            var template: SpecialTokens.Family = []
            sample.turns[index].text.withUTF8Buffer { bytes in
                tokens.forEachMatch(in: bytes) { match in
                    if let eos, match.range.count == eos.count,
                        PhraseSet.bytes(bytes, at: match.range.lowerBound, equal: eos)
                    {
                        return true
                    }
                    if isTemplated {
                        // A pre-templated text's first token names its template; tokens of other templates are foreign.
                        if template.isEmpty {
                            template = match.kind.family
                            return true
                        }
                        if match.kind.family.isEmpty || !match.kind.family.isDisjoint(with: template) { return true }
                    }
                    if first == nil { first = match } else { more += 1 }
                    return true
                }
            }
            guard let first else { continue }
            let turn = sample.turns[index]
            let token = turn.text(ofUTF8: first.range)
            var message = "contains \"\(token)\""
            if isTemplated { message += ", a token of another chat template than this text's" }
            if more > 0 { message += " and \(more) more control token\(more == 1 ? "" : "s")" }
            report.add(Self.self, at: turn.location(ofUTF8: first.range), message)
        }
    }
}
