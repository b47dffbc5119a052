/// The dataset formats sftlint reads, each normalised to the same `Sample`.
public enum SampleFormat: String, Sendable, Hashable, CaseIterable {
    /// `instruction`, optional `input`, `output`, optional `system` and `history`.
    case alpaca
    /// `conversations: [{from, value}]`, optional `system` and `tools`.
    case sharegpt
    /// `messages: [{role, content}]`, content a string or a list of text parts.
    case openai
    /// One pre-templated `text` field, as TRL's language-modelling format.
    case text
    /// `prompt` and `completion`, as TRL's prompt-completion format (strings or message lists).
    case promptCompletion = "prompt-completion"

    /// Position in `allCases`, for per-format counters kept in arrays.
    public var index: Int {
        switch self {
        case .alpaca: 0
        case .sharegpt: 1
        case .openai: 2
        case .text: 3
        case .promptCompletion: 4
        }
    }
}
