/// Words and phrases that say what a prompt asks for ("translate", "explain", "翻译"), found in one pass over
/// its UTF-8 bytes.
///
/// An ASCII cue matches at the start of a word, in any case, as a prefix: `translat` finds "Translate",
/// "translation" and "translator" but not "mistranslated". A cue ending in `$` must end a word too: `css$` finds
/// "CSS" but not "cssr". Any other cue (Chinese) matches anywhere, exactly.
/// Rules look at a prompt only once its response already looks wrong, so a scan per cue costs nothing overall.
public struct PromptCues: Sendable {
    /// The cues as written, lowercase.
    public let cues: [String]
    private let patterns: [[UInt8]]
    private let isWordCue: [Bool]
    private let isWholeWord: [Bool]

    public init(_ cues: [String]) {
        let lowered = cues.map { $0.lowercased() }
        isWholeWord = lowered.map { $0.hasSuffix("$") }
        self.cues = lowered.map { $0.hasSuffix("$") ? String($0.dropLast()) : $0 }
        patterns = self.cues.map { Array($0.utf8) }
        isWordCue = self.cues.map { cue in cue.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// The first cue (in text order) found in `text`, as listed.
    public func firstMatch(in text: String) -> String? {
        text.withUTF8Buffer { bytes in firstMatch(in: bytes, range: 0..<bytes.count) }
    }

    /// The first cue (in text order) found in the bytes of `range`.
    public func firstMatch(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> String? {
        var i = range.lowerBound
        let end = min(range.upperBound, bytes.count)
        var previous: UInt8 = 0x20
        while i < end {
            let byte = bytes[i]
            let isWordStart = byte.isASCIILetter && !previous.isASCIILetter && previous != UInt8(ascii: "'")
            for (k, pattern) in patterns.enumerated() where pattern.first == byte | (isWordCue[k] ? 0x20 : 0) {
                if isWordCue[k] && !isWordStart { continue }
                guard Self.matches(pattern, bytes, at: i, end: end, folding: isWordCue[k]) else { continue }
                let after = i + pattern.count
                if isWholeWord[k] && after < end && bytes[after].isASCIILetter { continue }
                return cues[k]
            }
            previous = byte
            i += 1
        }
        return nil
    }

    private static func matches(
        _ pattern: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int, folding: Bool
    ) -> Bool {
        guard offset + pattern.count <= end else { return false }
        for (k, expected) in pattern.enumerated() {
            var byte = bytes[offset + k]
            if folding && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            if byte != expected { return false }
        }
        return true
    }
}
