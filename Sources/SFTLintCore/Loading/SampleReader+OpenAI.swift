extension SampleReader {
    /// OpenAI chat: `messages: [{role, content}]`, content a string or a list of text parts.
    mutating func readOpenAI() {
        let root = Self.root
        noteToolsOfWrongKind()
        guard let messages = required("messages", of: root, pointer: ""),
            let list = expect(.array, messages, pointer: "/messages", expected: "a list of messages")
        else { return }
        readMessages(list, pointer: "/messages")
    }

    /// Reads a list of OpenAI-style messages (also TRL's conversational prompt and completion).
    mutating func readMessages(_ list: Int, pointer: String) {
        for (i, element) in document.elements(of: list).enumerated() {
            readMessage(element, index: i, pointer: JSONPointer.appending(pointer, i))
        }
    }

    private mutating func readMessage(_ element: Int, index: Int, pointer: String) {
        guard let message = expect(.object, element, pointer: pointer, expected: "a {role, content} message") else {
            return
        }
        noteUnknownFields(of: message, pointer: pointer, known: FieldNames.openaiMessage, synonyms: nil)
        let rolePointer = JSONPointer.appending(pointer, "role")
        guard let roleNode = required("role", of: message, pointer: pointer),
            let roleString = expect(.string, roleNode, pointer: rolePointer)
        else { return }
        let tag = document.string(roleString)
        let role = RoleTags.openai[tag]
        if role == nil {
            defects.append(
                .unknownRole(
                    tag: tag, pointer: rolePointer, offset: document.offset(roleString),
                    suggestion: RoleTags.suggestion(for: tag, among: RoleTags.openai.keys)))
        }
        let isToolCall = role == .assistant && hasToolCalls(message)
        let contentPointer = JSONPointer.appending(pointer, "content")
        var strings: [(node: Int, pointer: String)] = []
        let content = document.member(of: message, named: "content").map { (node: $0, kind: document.kind($0)) }
        switch content {
        case let (node, .string)?:
            strings = [(node, contentPointer)]
        case let (node, .array)?:
            strings = textParts(of: node, pointer: contentPointer)
        case nil:
            if !isToolCall {
                defects.append(
                    .missingField(field: "content", pointer: contentPointer, offset: document.offset(message)))
            }
        case let (node, kind)?:
            // A tool call may carry null content; anything else isn't text.
            guard kind != .null || !isToolCall else { break }
            defects.append(
                .wrongType(
                    pointer: contentPointer, expected: "a string or a list of content parts", found: kind,
                    offset: document.offset(node)))
            return
        }
        if !isToolCall, let content, content.kind == .string || content.kind == .array,
            strings.allSatisfy({ document.isBlank($0.node) })
        {
            defects.append(.emptyTurn(turn: index, tag: tag, pointer: contentPointer, offset: document.offset(content.node)))
        }
        appendTurn(
            role: role, tag: tag, strings: strings, pointer: pointer, offset: document.offset(element),
            isListItem: true, isToolCall: isToolCall)
    }

    /// Whether an assistant message calls a tool instead of (or besides) answering.
    private func hasToolCalls(_ message: Int) -> Bool {
        for key in ["tool_calls", "function_call"] {
            if let calls = document.member(of: message, named: key), document.kind(calls) != .null,
                !(document.kind(calls) == .array && document.count(calls) == 0)
            {
                return true
            }
        }
        return false
    }

    /// The text of a content-part list: `{type: "text", text}` (OpenAI) or `{type: "text", value}` (LLaMA-Factory).
    private mutating func textParts(of list: Int, pointer: String) -> [(node: Int, pointer: String)] {
        var strings: [(node: Int, pointer: String)] = []
        for (i, part) in document.elements(of: list).enumerated() {
            let partPointer = JSONPointer.appending(pointer, i)
            guard let object = expect(.object, part, pointer: partPointer, expected: "a content part object") else {
                continue
            }
            if let type = document.member(of: object, named: "type"), document.kind(type) == .string,
                document.string(type) != "text"
            {
                continue  // images, audio and other non-text parts carry no text to lint
            }
            let key = document.member(of: object, named: "text") != nil || document.member(of: object, named: "value") == nil
                ? "text" : "value"
            if let text = requiredString(key, of: object, pointer: partPointer, mustHaveText: false) {
                strings.append((text, JSONPointer.appending(partPointer, key)))
            }
        }
        return strings
    }
}
