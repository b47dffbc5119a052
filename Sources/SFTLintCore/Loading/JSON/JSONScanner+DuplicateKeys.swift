extension JSONScanner {
    /// Objects with more keys than this are checked by hashing; below it, comparing every pair is cheaper.
    static let pairwiseKeyLimit = 16

    /// Reports each key of the just-closed `object` that repeats an earlier key of it.
    mutating func findDuplicateKeys(inObject object: Int) {
        let count = Int(nodes[object].count)
        var key = object + 1
        if count <= Self.pairwiseKeyLimit {
            for _ in 0..<count {
                var earlier = object + 1
                while earlier != key {
                    if keysAreEqual(earlier, key) {
                        reportDuplicate(key, of: earlier)
                        break
                    }
                    earlier = Int(nodes[earlier + 1].next)
                }
                key = Int(nodes[key + 1].next)
            }
            return
        }
        var firstKeys: [ObjectKey: Int] = [:]
        firstKeys.reserveCapacity(count)
        for _ in 0..<count {
            let text = objectKey(key)
            if let earlier = firstKeys[text] {
                reportDuplicate(key, of: earlier)
            } else {
                firstKeys[text] = key
            }
            key = Int(nodes[key + 1].next)
        }
    }

    private mutating func reportDuplicate(_ key: Int, of earlier: Int) {
        var decoder = JSONStringDecoder(bytes: input, literal: nodes[key])
        let text = String(decoding: decoder.decodedUTF8(), as: UTF8.self)
        issues.append(.duplicateKey(key: text, node: key, firstNode: earlier))
        hasDuplicateKeys = true
    }

    private func keysAreEqual(_ first: Int, _ second: Int) -> Bool {
        let firstNode = nodes[first]
        let secondNode = nodes[second]
        if !firstNode.hasEscapes, !secondNode.hasEscapes, !hasInvalidUTF8InStrings {
            guard firstNode.end - firstNode.start == secondNode.end - secondNode.start else { return false }
            return body(of: firstNode).elementsEqual(body(of: secondNode))
        }
        return objectKey(first) == objectKey(second)
    }

    /// A key's decoded text, borrowed from the input when decoding would only copy it.
    private func objectKey(_ key: Int) -> ObjectKey {
        let node = nodes[key]
        guard node.hasEscapes || hasInvalidUTF8InStrings else { return .borrowed(body(of: node)) }
        var decoder = JSONStringDecoder(bytes: input, literal: node)
        return .decoded(decoder.decodedUTF8())
    }

    private func body(of literal: JSONNode) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: input[Int(literal.start) + 1..<Int(literal.end) - 1])
    }
}

/// The decoded UTF-8 of an object key, compared and hashed by content.
///
/// Keys compare by their bytes, not as Swift strings: `é` and `e` + U+0301 are different keys to every JSON reader.
enum ObjectKey: Hashable {
    /// Valid only while the scanner's input is.
    case borrowed(UnsafeBufferPointer<UInt8>)
    case decoded([UInt8])

    private func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch self {
        case .borrowed(let bytes): body(bytes)
        case .decoded(let bytes): bytes.withUnsafeBufferPointer(body)
        }
    }

    static func == (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        lhs.withBytes { left in rhs.withBytes { right in left.elementsEqual(right) } }
    }

    func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
