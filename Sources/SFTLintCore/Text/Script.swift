/// The writing system of a letter, coarse enough to tell a Chinese answer from an English one.
public enum Script: String, Sendable, Hashable, CaseIterable, Comparable {
    case latin
    /// Chinese characters (also used in Japanese).
    case han
    /// Japanese hiragana and katakana.
    case kana
    /// Korean.
    case hangul
    case cyrillic
    case arabic
    case devanagari
    case greek
    case hebrew
    case thai
    case other

    /// The script of a scalar that is a letter or ideograph, or nil for digits, punctuation, symbols, spaces.
    public init?(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case 0x41...0x5A, 0x61...0x7A: self = .latin
        case 0..<0x80: return nil
        case 0x00C0...0x024F, 0x1E00...0x1EFF:
            guard scalar.properties.isAlphabetic else { return nil }
            self = .latin
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2EBEF, 0xF900...0xFAFF, 0x3007: self = .han
        case 0x3041...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D: self = .kana
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: self = .hangul
        case 0x0400...0x052F: self = .cyrillic
        case 0x0600...0x06FF, 0x0750...0x077F: self = .arabic
        case 0x0900...0x097F: self = .devanagari
        case 0x0370...0x03FF: self = .greek
        case 0x0590...0x05FF: self = .hebrew
        case 0x0E00...0x0E7F: self = .thai
        default:
            guard scalar.properties.isAlphabetic else { return nil }
            self = .other
        }
    }

    /// Han, Kana and Hangul: scripts written without spaces, where a character is the unit of a "word".
    public var isCJK: Bool { self == .han || self == .kana || self == .hangul }

    public static func < (a: Script, b: Script) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// How many letters of each script a text has.
public struct ScriptMix: Sendable, Hashable {
    public private(set) var counts: [Script: Int] = [:]

    public init(_ text: some StringProtocol) {
        for scalar in text.unicodeScalars {
            if let script = Script(scalar) { counts[script, default: 0] += 1 }
        }
    }

    /// Letters counted in all scripts.
    public var letters: Int { counts.values.reduce(0, +) }

    /// The script most letters are in (ties to the earlier script), or nil for a text without letters.
    public var dominant: Script? {
        counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// The share of letters in `script`, 0 for a text without letters.
    public func share(of script: Script) -> Double {
        letters == 0 ? 0 : Double(counts[script] ?? 0) / Double(letters)
    }

    /// The share of letters in CJK scripts.
    public var cjkShare: Double {
        letters == 0 ? 0 : Double(counts.filter { $0.key.isCJK }.values.reduce(0, +)) / Double(letters)
    }
}

/// Word counts that work for text without spaces: a run of non-CJK letters or digits is one word, each CJK
/// character is one word.
public enum WordCount {
    public static func of(_ text: some StringProtocol) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if let script = Script(scalar), script.isCJK {
                count += 1
                inWord = false
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if !inWord { count += 1 }
                inWord = true
            } else if scalar != "'" && scalar != "’" && scalar != "-" {
                inWord = false
            }
        }
        return count
    }
}
