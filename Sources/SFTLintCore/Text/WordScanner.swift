/// Reads a text once for its `TokenEstimate` length and the hashes of its words, handing the hashes out a
/// buffer at a time.
///
/// The words are the units distinct-n counts: a lowercased Latin word, a run of digits, a word of other letters,
/// or one CJK character. Every statistic reads each prompt and response through this loop, so it is written for
/// English and Chinese prose: a Latin word is found and hashed from one 8-byte load and the space after it is
/// stepped over on the way to the next word; a common CJK character takes one comparison; scalars are the bytes
/// less the continuation bytes of non-ASCII scalars, so ASCII never counts them. It fills a caller's buffer
/// instead of calling a closure per word: a closure that does real work isn't inlined, and the call cost as much
/// as the word.
struct WordScanner {
    private let base: UnsafePointer<UInt8>?
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var tokens = 0
    private var continuations = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        base = bytes.baseAddress
    }

    /// Whether the whole text has been read.
    var isAtEnd: Bool { position >= bytes.count }

    /// The text's length: complete once `isAtEnd`.
    var length: TextLength { TextLength(scalars: bytes.count - continuations, tokens: tokens) }

    /// Reads on until `words` is full or the text ends; returns how many word hashes it wrote. Offsets and counts
    /// stay below the text's length, so the loop adds without overflow checks (`&+`): a check a word each.
    @inline(__always)
    mutating func scan(into words: UnsafeMutableBufferPointer<UInt64>) -> Int {
        guard let base, let out = words.baseAddress else { return 0 }
        let count = bytes.count
        let capacity = words.count
        var written = 0
        var tokens = self.tokens
        var continuations = self.continuations
        var i = position
        defer {
            position = i
            self.tokens = tokens
            self.continuations = continuations
        }
        while i < count && written < capacity {
            let byte = base[i]
            if byte.isASCIILetter {
                // Prose: words each followed by one space, in a loop of their own; the space before the next word
                // is free.
                while true {
                    let start = i
                    let length: Int
                    if i &+ 8 <= count, let word = Self.latinWord(at: base + i, hasSixteenBytes: i &+ 16 <= count) {
                        length = word.length
                        out[written] = word.hash
                    } else {
                        i &+= 1
                        while i < count && base[i].isASCIILetter { i &+= 1 }
                        length = i &- start
                        out[written] = TokenEstimate.wordHash(base + start, length, fold: 0x20)
                    }
                    written &+= 1
                    tokens &+= length <= 7 ? 1 : (length &+ 3) >> 2
                    i = start &+ length
                    guard written < capacity && i &+ 1 < count && base[i] == 0x20 && base[i &+ 1].isASCIILetter
                    else { break }
                    i &+= 1
                }
                continue
            }
            if byte < 0x80 {
                // A single space between words, or before a number or a mark: free.
                if byte == 0x20 && (i &+ 1 == count || base[i &+ 1] != 0x20 && base[i &+ 1] != 0x09) {
                    i &+= 1
                    continue
                }
                let kind = ASCIIKind.of(byte)
                let start = i
                i &+= 1
                while i < count && base[i] < 0x80 && ASCIIKind.of(base[i]) == kind { i &+= 1 }
                let run = i &- start
                switch kind {
                case ASCIIKind.digit:
                    tokens &+= (run &+ 2) / 3
                    out[written] = TokenEstimate.wordHash(base + start, run, fold: 0)
                    written &+= 1
                case ASCIIKind.space: tokens &+= run > 1 ? 1 : 0
                case ASCIIKind.lineBreak: tokens &+= 1
                default: tokens &+= (run &+ 1) >> 1
                }
                continue
            }
            // Lead bytes E4…E9 start U+4000…U+9FFF, all CJK ideographs: the common case needs no decoding.
            if byte &- 0xE4 <= 5 && i &+ 2 < count {
                tokens &+= 1
                continuations &+= 2
                out[written] = TokenEstimate.unitHash(
                    0xC0DE_0000_0000_0000 | UInt64(byte) << 16 | UInt64(base[i &+ 1]) << 8 | UInt64(base[i &+ 2]))
                written &+= 1
                i &+= 3
                continue
            }
            let (value, length) = UTF8Scan.scalar(in: bytes, at: i)
            continuations &+= length &- 1
            tokens &+= 1
            guard let script = Script.ofLetter(value) else {
                i &+= length
                continue
            }
            if script.isCJK {
                out[written] = TokenEstimate.unitHash(0xC0DE_0000_0000_0000 | UInt64(value))
                written &+= 1
                i &+= length
                continue
            }
            // A word of letters of another script: read while letters of a spaced script follow.
            let start = i
            var letters = 1
            i &+= length
            while i < count && base[i] >= 0x80 {
                let (next, nextLength) = UTF8Scan.scalar(in: bytes, at: i)
                guard let nextScript = Script.ofLetter(next), !nextScript.isCJK else { break }
                letters &+= 1
                continuations &+= nextLength &- 1
                i &+= nextLength
            }
            // One token was counted above for the first letter.
            tokens &+= (letters &+ 2) / 3 &- 1
            out[written] = TokenEstimate.wordHash(base + start, i &- start, fold: 0)
            written &+= 1
        }
        return written
    }

    /// The length and hash (`TokenEstimate.wordHash`'s) of the Latin word at `start`, from one 8-byte load when
    /// it is shorter than 8 letters, as most are, or two when it is shorter than 16 and the text has 16 bytes
    /// there; nil for a longer word.
    @inline(__always)
    private static func latinWord(at start: UnsafePointer<UInt8>, hasSixteenBytes: Bool) -> (length: Int, hash: UInt64)? {
        let fold: UInt64 = 0x2020_2020_2020_2020
        let first = UnsafeRawPointer(start).loadUnaligned(as: UInt64.self)
        let others = ASCIIKind.nonLetterBytes(first)
        if others != 0 {
            let length = others.trailingZeroBitCount >> 3
            return (length, TokenEstimate.shortWordHash(first | fold, length))
        }
        guard hasSixteenBytes else { return nil }
        let second = UnsafeRawPointer(start + 8).loadUnaligned(as: UInt64.self)
        let secondOthers = ASCIIKind.nonLetterBytes(second)
        guard secondOthers != 0 else { return nil }
        let tail = secondOthers.trailingZeroBitCount >> 3
        let head = TokenEstimate.unitHash(UInt64(8 + tail) ^ (first | fold))
        guard tail > 0 else { return (8, head) }
        return (8 + tail, TokenEstimate.unitHash(head ^ (second | fold) & (UInt64.max >> (64 - 8 * tail))))
    }
}
