/// The first place each kind of defect occurs in a text, and how often: rules about characters report one
/// finding per kind and turn, with a count, rather than one per character.
///
/// Only offsets are kept while scanning, so that a clean text (nearly all of them) costs no allocation and no
/// reference counting; the words of a finding are written when it is reported.
struct Sightings {
    struct Sighting {
        /// UTF-8 offsets in the turn's text of the first occurrence.
        var range: Range<Int>
        var count: Int
    }

    /// Up to four kinds, by raw value.
    private(set) var first: (Sighting?, Sighting?, Sighting?, Sighting?) = (nil, nil, nil, nil)
    private(set) var isEmpty = true

    /// Counts an occurrence of `kind` (0…3) at `range`.
    @inline(__always)
    mutating func record(_ kind: Int, at range: Range<Int>) {
        isEmpty = false
        switch kind {
        case 0: first.0 = Self.counting(first.0, range)
        case 1: first.1 = Self.counting(first.1, range)
        case 2: first.2 = Self.counting(first.2, range)
        default: first.3 = Self.counting(first.3, range)
        }
    }

    /// Drops what was counted of `kind`.
    mutating func forget(_ kind: Int) {
        switch kind {
        case 0: first.0 = nil
        case 1: first.1 = nil
        case 2: first.2 = nil
        default: first.3 = nil
        }
        isEmpty = first.0 == nil && first.1 == nil && first.2 == nil && first.3 == nil
    }

    private static func counting(_ sighting: Sighting?, _ range: Range<Int>) -> Sighting {
        guard var sighting else { return Sighting(range: range, count: 1) }
        sighting.count += 1
        return sighting
    }

    /// One finding of `check` per kind seen in `turn`, at its first occurrence, in the words of `evidence`.
    func report<C: Check>(
        _ check: C.Type, in turn: Turn, into findings: inout Findings,
        evidence: (_ kind: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String
    ) {
        for (kind, sighting) in [first.0, first.1, first.2, first.3].enumerated() {
            guard let sighting else { continue }
            let words = turn.text.withUTF8Buffer { evidence(kind, $0, sighting.range) }
            let more = sighting.count > 1 ? "; \(sighting.count) in this text" : ""
            findings.add(check, at: turn.location(atTextByte: sighting.range.lowerBound), words + more)
        }
    }
}
