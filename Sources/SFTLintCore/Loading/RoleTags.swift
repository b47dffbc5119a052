/// The role tags each format uses, and what they mean.
enum RoleTags {
    /// ShareGPT as LLaMA-Factory reads it: `function_call` is the assistant calling a tool, `observation` its result.
    static let sharegpt: [String: (role: Role, isToolCall: Bool)] = [
        "human": (.user, false), "user": (.user, false),
        "gpt": (.assistant, false), "assistant": (.assistant, false),
        "system": (.system, false),
        "function_call": (.assistant, true),
        "observation": (.tool, false), "tool": (.tool, false),
    ]

    /// OpenAI chat roles; `developer` is the newer name of `system`, `function` the older one of `tool`.
    static let openai: [String: Role] = [
        "system": .system, "developer": .system, "user": .user, "assistant": .assistant, "tool": .tool,
        "function": .tool,
    ]

    /// The known tag closest to an unknown one, for the message.
    static func suggestion(for tag: String, among known: some Collection<String>) -> String? {
        FieldNames.suggestion(for: tag, among: Set(known), synonyms: ["bot": "assistant", "model": "assistant"])
    }
}
