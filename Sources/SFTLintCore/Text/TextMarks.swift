/// Which rare kinds of byte a text holds: `<`, `&`, brackets, code marks, newlines, control bytes, non-ASCII.
///
/// Worked out once per turn, in one vector pass, when the turn is built. The content rules then skip a turn
/// that can't hold what they look for — a special token needs `<` or `[`, a template slot `{` — instead of each
/// searching every text again. Most prose holds none of these bytes, so on most turns most rules do no work.
/// A mark may be set by a lookalike byte (`@` for a backtick): it means "look closer", never "found".
public struct TextMarks: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `<`.
    public static let angle = TextMarks(rawValue: 1 << 0)
    /// `[` or `{`.
    public static let squareOrBrace = TextMarks(rawValue: 1 << 1)
    /// `` ` `` (or `@`).
    public static let backtick = TextMarks(rawValue: 1 << 2)
    /// `~` (or `^`).
    public static let tilde = TextMarks(rawValue: 1 << 3)
    /// `(`.
    public static let parenthesis = TextMarks(rawValue: 1 << 4)
    /// `"`.
    public static let quote = TextMarks(rawValue: 1 << 5)
    /// `\n`.
    public static let newline = TextMarks(rawValue: 1 << 6)
    /// Any byte of a non-ASCII character.
    public static let nonASCII = TextMarks(rawValue: 1 << 7)
    /// `&`: entities.
    public static let ampersand = TextMarks(rawValue: 1 << 8)
    /// `\r`.
    public static let carriageReturn = TextMarks(rawValue: 1 << 9)
    /// A control byte other than tab, `\n` and `\r`: C0 or DEL.
    public static let control = TextMarks(rawValue: 1 << 10)

    /// The marks of `text`.
    public init(_ text: String) {
        self = text.withUTF8Buffer { TextMarks(bytes: $0) }
    }

    /// The marks of `bytes`. Bytes are folded with `| 0x20` so that one comparison covers two of them: `[`/`{`,
    /// `` ` ``/`@`, `~`/`^`; the control characters that fold onto `<`, `(`, `"` and `&` send a block to the
    /// byte-by-byte look anyway, as every byte below 0x20 does (newlines, tabs, control bytes: one comparison).
    init(bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else {
            self = []
            return
        }
        let fold = SIMD16<UInt8>(repeating: 0x20)
        // Splats made once, outside the loop, where they are constants.
        let angle = SIMD16<UInt8>(repeating: 0x3C)
        let square = SIMD16<UInt8>(repeating: 0x7B)
        let backtick = SIMD16<UInt8>(repeating: 0x60)
        let tilde = SIMD16<UInt8>(repeating: 0x7E)
        let parenthesis = SIMD16<UInt8>(repeating: 0x28)
        let quote = SIMD16<UInt8>(repeating: 0x22)
        let ampersand = SIMD16<UInt8>(repeating: 0x26)
        // A byte below 0x20 has none of the top three bits: an AND and a comparison, where SSE has no unsigned `<`.
        let controlBits = SIMD16<UInt8>(repeating: 0xE0)
        let zero = SIMD16<UInt8>(repeating: 0)
        let delete = SIMD16<UInt8>(repeating: 0x7F)
        var high = SIMD16<UInt8>(repeating: 0)
        var marks: TextMarks = []
        var i = 0
        let raw = UnsafeRawPointer(base)
        // The last block overlaps the one before when the count isn't a multiple of 32: reading bytes twice
        // changes nothing in a union, and saves a loop over up to 31 bytes one at a time.
        var isLast = bytes.count < 32
        while !isLast {
            if i &+ 32 > bytes.count {
                i = bytes.count &- 32
                isLast = true
            }
            let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            let u = raw.loadUnaligned(fromByteOffset: i &+ 16, as: SIMD16<UInt8>.self)
            high |= v | u
            let w = v | fold
            let x = u | fold
            let found =
                (w .== angle) .| (w .== square) .| (w .== backtick) .| (w .== tilde) .| (w .== parenthesis)
                .| (w .== quote) .| (w .== ampersand) .| (v & controlBits .== zero) .| (v .== delete) .| (x .== angle)
                .| (x .== square) .| (x .== backtick) .| (x .== tilde) .| (x .== parenthesis) .| (x .== quote)
                .| (x .== ampersand) .| (u & controlBits .== zero) .| (u .== delete)
            // Rare: only then is the block looked at byte by byte.
            if VectorScan.hasHit(found) {
                for k in i..<(i &+ 32) { marks.formUnion(Self.mark(of: base[k])) }
            }
            i &+= 32
            if i == bytes.count { isLast = true }
        }
        if bytes.count < 32 {
            for k in 0..<bytes.count {
                marks.formUnion(Self.mark(of: base[k]))
                if base[k] >= 0x80 { marks.insert(.nonASCII) }
            }
        }
        let highWords = unsafeBitCast(high, to: SIMD2<UInt64>.self)
        if (highWords[0] | highWords[1]) & 0x8080_8080_8080_8080 != 0 { marks.insert(.nonASCII) }
        self = marks
    }

    /// The marks a text must have to hold any of `phrases`, from their first bytes; nil when some phrase starts
    /// with a byte no mark covers, and every text must be searched.
    public static func required(by phrases: [[UInt8]]) -> TextMarks? {
        var marks: TextMarks = []
        for phrase in phrases {
            guard let first = phrase.first else { continue }
            let mark = first >= 0x80 ? .nonASCII : Self.mark(of: first)
            guard !mark.isEmpty else { return nil }
            marks.formUnion(mark)
        }
        return marks
    }

    /// Whether the text may hold one of `marks`' bytes (always, for nil: unknown).
    @inline(__always)
    public func mayHold(_ marks: TextMarks?) -> Bool {
        guard let marks else { return true }
        return !isDisjoint(with: marks)
    }

    @inline(__always)
    private static func mark(of byte: UInt8) -> TextMarks {
        if byte < 0x20 || byte == 0x7F {
            switch byte {
            case 0x0A: return .newline
            case 0x0D: return .carriageReturn
            case 0x09: return []
            default: return .control
            }
        }
        switch byte | 0x20 {
        case 0x3C: return .angle
        case 0x7B: return .squareOrBrace
        case 0x60: return .backtick
        case 0x7E: return .tilde
        case 0x28: return .parenthesis
        case 0x22: return .quote
        case 0x26: return .ampersand
        default: return []
        }
    }
}
