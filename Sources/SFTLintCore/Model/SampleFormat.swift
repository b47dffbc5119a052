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
}
