/// What the content rules ask of a sample's turns, read field by field.
///
/// These run for every turn of every record, for each rule. A computed property on a turn would make the
/// compiler copy the whole turn (retaining its strings and arrays) before calling it; reading the stored fields
/// through the array costs two loads.
extension [Turn] {
    /// Whether turn `i` holds prose to judge as text: not a tool call or a tool result (they carry JSON), and a
    /// role sftlint knows (an unknown tag is reported once by unknown-role, not again by every content rule).
    @inline(__always)
    func holdsProse(_ i: Int) -> Bool {
        guard let role = self[i].role else { return false }
        return role != .tool && !self[i].isToolCall
    }

    /// Whether turn `i` is an answer the model is trained to give: an assistant turn that isn't a tool call.
    @inline(__always)
    func isResponse(_ i: Int) -> Bool { self[i].role == .assistant && !self[i].isToolCall }

    /// Whether turn `i` is a user or assistant turn with prose: what the language of a conversation is judged on
    /// (system prompts are often boilerplate in another language than the conversation).
    @inline(__always)
    func isConversation(_ i: Int) -> Bool { holdsProse(i) && self[i].role != .system }
}

extension [Turn] {
    /// Whether the edges of turn `i` belong to a template rather than to the text: a pre-templated `text`, and
    /// the string `prompt` and `completion` of TRL, which are joined as they are ("The capital of France is" +
    /// " Paris.", the space on either side).
    func isTemplated(_ i: Int, format: SampleFormat?) -> Bool {
        switch format {
        case .text: true
        case .promptCompletion: self[i].pointer == "/prompt" || self[i].pointer == "/completion"
        default: false
        }
    }
}

extension Turn {
    /// Where the byte at UTF-8 offset `offset` of `text` is in the file.
    func location(atTextByte offset: Int) -> Location {
        let utf8 = text.utf8
        let index = utf8.index(utf8.startIndex, offsetBy: min(max(offset, 0), utf8.count))
        return location(of: index..<index)
    }
}

extension Sample {
    /// The user turn a response at `index` answers: the last user turn before it. Nil for a pre-templated `text`
    /// sample, which has no prompt, and for a response no user turn precedes.
    func promptIndex(before index: Int) -> Int? {
        guard format != .text else { return nil }
        var i = index - 1
        while i >= 0 && turns[i].role != .user { i -= 1 }
        return i >= 0 ? i : nil
    }
}
