extension Turn {
    /// Where the text at UTF-8 offsets `range` starts in the file; the byte scans of the content rules work in
    /// offsets, not string indices.
    public func location(ofUTF8 range: Range<Int>) -> Location {
        location(of: stringRange(ofUTF8: range))
    }

    /// The text at UTF-8 offsets `range`, which must fall on character boundaries.
    public func text(ofUTF8 range: Range<Int>) -> Substring {
        text[stringRange(ofUTF8: range)]
    }

    private func stringRange(ofUTF8 range: Range<Int>) -> Range<String.Index> {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: min(max(range.lowerBound, 0), utf8.count))
        let upper = utf8.index(utf8.startIndex, offsetBy: min(max(range.upperBound, range.lowerBound), utf8.count))
        return lower..<upper
    }
}

extension Sample {
    /// Whether turn `index` is a response the model is trained to write in prose: an assistant turn that isn't a
    /// tool call (whose text is JSON arguments). Asked of the sample, so that the turn is read in place and not
    /// copied for every record.
    public func isResponse(_ index: Int) -> Bool {
        turns[index].role == .assistant && !turns[index].isToolCall
    }
}
