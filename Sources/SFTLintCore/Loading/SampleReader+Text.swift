extension SampleReader {
    /// TRL's language-modelling format: one pre-templated `text`, read as a single assistant turn.
    mutating func readText() {
        guard let text = requiredString("text", of: Self.root, pointer: "") else { return }
        appendTurn(
            role: .assistant, tag: "text", string: text, stringPointer: "/text", pointer: "/text",
            offset: document.offset(text), isListItem: false)
    }

    /// TRL's prompt-completion format: strings, or (conversational) lists of messages.
    mutating func readPromptCompletion() {
        for (key, role) in [("prompt", Role.user), ("completion", Role.assistant)] {
            let pointer = "/" + key
            guard let node = required(key, of: Self.root, pointer: "") else { continue }
            switch document.kind(node) {
            case .string:
                if document.isBlank(node) { defects.append(.emptyField(pointer: pointer, offset: document.offset(node))) }
                appendTurn(
                    role: role, tag: key, string: node, stringPointer: pointer, pointer: pointer, offset: document.offset(node),
                    isListItem: false)
            case .array:
                readMessages(node, pointer: pointer)
            default:
                defects.append(
                    .wrongType(
                        pointer: pointer, expected: "a string or a list of messages", found: document.kind(node),
                        offset: document.offset(node)))
            }
        }
    }
}
