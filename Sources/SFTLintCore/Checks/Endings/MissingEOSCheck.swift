/// Flags responses that don't end with the end-of-sequence token, and end tokens in the middle of a response.
struct MissingEOSCheck: SampleCheck, ConfigurableCheck {
    static let info = CheckInfo(
        code: "E001",
        name: "missing-eos",
        summary: "A response, or a pre-templated text, does not end with the end-of-sequence token, or has one inside.",
        rationale: """
            The end-of-sequence token is how a model learns to stop: trained on responses without it, the model \
            never stops and rambles on into a made-up next turn. One in the middle of a response teaches it to \
            stop there, and everything after it trains on text the model should never produce. Pre-templated \
            `text` records carry their own tokens, so each must end with its template's end token; some trainers \
            append an EOS themselves, which --eos with the same token and a clean run confirms.
            """,
        severity: .error,
        triggering: [
            Example(
                #"""
                ! {"text": "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!"}
                ! {"text": "<s>[INST] 你好 [/INST] 你好！"}
                ! {"text": "### Human: Hi\n### Assistant: Hello!"}
                ! {"text": "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|endoftext|> Bye.<|im_end|>"}
                """#),
            Example(
                #"""
                ! {"instruction": "Say hi.", "output": "Hello!"}
                ! {"instruction": "打个招呼。", "output": "你好！</s>再见。</s>"}
                ! {"conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello!</s>"}, {"from": "human", "value": "Bye"}, {"from": "gpt", "value": "Bye!"}]}
                {"instruction": "Say hi.", "output": "Hello!</s>"}
                {"messages": [{"role": "user", "content": "你好"}, {"role": "assistant", "content": "你好！</s>\n"}]}
                """#, settings: RuleSettings(eos: "</s>")),
        ],
        nonTriggering: [
            Example(
                #"""
                {"text": "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n"}
                {"text": "<s>[INST] 你好 [/INST] 你好！</s><s>[INST] 再见 [/INST] 再见！</s>"}
                {"text": "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|>"}
                {"instruction": "Say hi.", "output": "Hello!"}
                {"conversations": [{"from": "human", "value": "你好"}, {"from": "gpt", "value": "你好！"}]}
                """#),
            Example(
                #"""
                {"instruction": "Say hi.", "output": "Hello!</s>"}
                {"conversations": [{"from": "human", "value": "你好"}, {"from": "gpt", "value": "你好！</s>"}]}
                {"messages": [{"role": "user", "content": "Weather?"}, {"role": "assistant", "content": "", "tool_calls": [{"id": "a"}]}, {"role": "tool", "content": "Sunny"}, {"role": "assistant", "content": "Sunny.</s>"}]}
                """#, settings: RuleSettings(eos: "</s>")),
        ],
        activation:
            "only with --eos TOKEN, or on records in the `text` format (which must end with an end token of their template)"
    )

    /// The token every response must end with; nil checks only pre-templated texts, against their own template.
    var eos: String?
    var tokens = SpecialTokens()

    func configured(with settings: RuleSettings) -> MissingEOSCheck {
        var check = self
        check.eos = settings.eos.flatMap { $0.isEmpty ? nil : $0 }
        check.tokens = SpecialTokens(extra: settings.specialTokens + (check.eos.map { [$0] } ?? []))
        return check
    }

    func inspect(_ sample: Sample, report: inout Findings) {
        let isTemplated = sample.format == .text
        guard eos != nil || isTemplated else { return }
        let eosBytes = eos.map { Array($0.utf8) }
        for index in sample.turns.indices where sample.isResponse(index) {
            let mayHoldTokens = sample.turns[index].marks.mayHold(tokens.required)
            let found = sample.turns[index].text.withUTF8Buffer { bytes in
                if let eosBytes {
                    problem(in: bytes, eos: eosBytes, isTemplated: isTemplated, mayHoldTokens: mayHoldTokens)
                } else {
                    problemOfTemplatedText(bytes)
                }
            }
            guard let problem = found else { continue }
            let turn = sample.turns[index]
            report.add(Self.self, at: turn.location(ofUTF8: problem.range), problem.message(turn, isTemplated))
        }
    }

    /// What is wrong with one response's end tokens.
    enum Problem {
        /// No end token where the text ends (at the offset after its last character).
        case missing(at: Int, expected: String?)
        /// An end token with more text after it.
        case inside(Range<Int>)

        var range: Range<Int> {
            switch self {
            case .missing(let end, _): end..<end
            case .inside(let range): range
            }
        }

        func message(_ turn: Turn, _ isTemplated: Bool) -> String {
            let what = isTemplated ? "text" : "response"
            switch self {
            case .missing(_, let expected?):
                return "\(what) does not end with the end-of-sequence token \"\(expected)\""
            case .missing(_, nil):
                return "\(what) does not end with an end-of-sequence token such as \"</s>\" (name yours with --eos)"
            case .inside(let range):
                let token = turn.text(ofUTF8: range)
                return isTemplated
                    ? "\"\(token)\" in the middle of the text is not followed by a new turn: training goes on past the end"
                    : "end-of-sequence token \"\(token)\" in the middle of the response: the model learns to stop here"
            }
        }
    }

    /// With `--eos`: the response must end with it, and may only hold it elsewhere when a pre-templated text's
    /// next turn follows.
    private func problem(
        in bytes: UnsafeBufferPointer<UInt8>, eos: [UInt8], isTemplated: Bool, mayHoldTokens: Bool
    ) -> Problem? {
        let end = TextBytes.trimmedEnd(bytes, before: bytes.count)
        guard end > 0 else { return nil }
        let endsWithEOS = end >= eos.count && PhraseSet.bytes(bytes, at: end - eos.count, equal: eos)
        guard mayHoldTokens else {
            return endsWithEOS ? nil : .missing(at: end, expected: String(decoding: eos, as: UTF8.self))
        }
        var inside: Range<Int>?
        tokens.forEachMatch(in: bytes) { match in
            guard TextBytes.matches(bytes, match.range.lowerBound, match.range.upperBound, eos),
                match.range.upperBound < end
            else { return true }
            if isTemplated, startsTurn(bytes, at: match.range.upperBound) { return true }
            inside = match.range
            return false
        }
        if let inside { return .inside(inside) }
        return endsWithEOS ? nil : .missing(at: end, expected: String(decoding: eos, as: UTF8.self))
    }

    /// Without `--eos`, for a pre-templated text: it must end with an end token (its template's, when known), and
    /// an end token inside must be followed by the next turn.
    private func problemOfTemplatedText(_ bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        let end = TextBytes.trimmedEnd(bytes, before: bytes.count)
        guard end > 0 else { return nil }
        var family: SpecialTokens.Family = []
        var inside: Range<Int>?
        var last: SpecialTokens.Match?
        tokens.forEachMatch(in: bytes) { match in
            if family.isEmpty { family = match.kind.family }
            last = match
            guard match.kind.isEnd, match.range.upperBound < end, !startsTurn(bytes, at: match.range.upperBound) else {
                return true
            }
            inside = match.range
            return false
        }
        if let inside { return .inside(inside) }
        if let last, last.kind.isEnd, last.range.upperBound == end { return nil }
        return .missing(at: end, expected: SpecialTokens.endToken(of: family))
    }

    /// Whether a control token (the next turn's, or another end token) follows `offset`, after spaces.
    private func startsTurn(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        tokens.token(startingAt: TextBytes.trimmedStart(bytes, from: offset), in: bytes) != nil
    }
}
