import Foundation
import Dispatch

// Measures JSONParser throughput on JSONL records: the records of the given JSON-array datasets, one a line,
// repeated to `--megabytes` of input. Only `parse` calls are timed; lines are framed beforehand.

var arguments = Array(CommandLine.arguments.dropFirst())
var megabytes = 200
var rounds = 5
var paths: [String] = []
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--megabytes": megabytes = Int(arguments.removeFirst()) ?? megabytes
    case "--rounds": rounds = Int(arguments.removeFirst()) ?? rounds
    default: paths.append(argument)
    }
}

/// Appends `record` on one line the way Python's `json.dumps` writes it: `{"a": 1, "b": [2, 3]}`.
func appendCompact(_ record: ArraySlice<UInt8>, to line: inout [UInt8]) {
    var isInString = false
    var isEscaped = false
    for byte in record {
        if isInString {
            line.append(byte)
            if isEscaped {
                isEscaped = false
            } else if byte == UInt8(ascii: "\\") {
                isEscaped = true
            } else if byte == UInt8(ascii: "\"") {
                isInString = false
            }
            continue
        }
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
            continue
        case UInt8(ascii: ","), UInt8(ascii: ":"):
            line.append(byte)
            line.append(UInt8(ascii: " "))
        default:
            isInString = byte == UInt8(ascii: "\"")
            line.append(byte)
        }
    }
}

var jsonl: [UInt8] = []
for path in paths {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write("cannot read \(path)\n".data(using: .utf8)!)
        exit(2)
    }
    let bytes = [UInt8](data)
    let result = JSONParser().parse(bytes[...])
    guard let document = result.document, document.kind(JSONDocument.root) == .array else {
        let reason = result.error?.message ?? "not an array"
        FileHandle.standardError.write("\(path): \(reason)\n".data(using: .utf8)!)
        exit(2)
    }
    for element in document.elements(of: JSONDocument.root) {
        let node = document.nodes[element]
        appendCompact(bytes[Int(node.start)..<Int(node.end)], to: &jsonl)
        jsonl.append(UInt8(ascii: "\n"))
    }
}

guard !jsonl.isEmpty else {
    print("usage: json-parse-benchmark [--megabytes N] [--rounds N] DATASET.json...")
    exit(2)
}
let sample = jsonl
while jsonl.count < megabytes << 20 {
    jsonl.append(contentsOf: sample)
}

var lines: [Range<Int>] = []
var lineStart = 0
for (index, byte) in jsonl.enumerated() where byte == UInt8(ascii: "\n") {
    lines.append(lineStart..<index)
    lineStart = index + 1
}

let parser = JSONParser()
var best = Double.infinity
var failures = 0
for _ in 0..<rounds {
    let start = DispatchTime.now().uptimeNanoseconds
    for line in lines where parser.parse(jsonl[line]).error != nil {
        failures += 1
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    best = min(best, seconds)
}
let megabytesParsed = Double(jsonl.count) / 1_048_576
print("records: \(lines.count), average \(jsonl.count / lines.count) bytes, \(Int(megabytesParsed)) MiB per round")
guard failures == 0 else {
    print("\(failures / rounds) records failed to parse")
    exit(1)
}
print(String(format: "best of %d rounds: %.3f s, %.0f MiB/s", rounds, best, megabytesParsed / best))
