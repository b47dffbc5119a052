import Testing

@testable import SFTLintCore

@Suite("Path patterns")
struct PathPatternTests {
    @Test(arguments: [
        ("eval/**", "eval/mmlu.jsonl", true),
        ("eval/**", "eval/a/b/c.json", true),
        ("eval/**", "data/eval/mmlu.jsonl", false),
        ("eval/**", "evaluation/mmlu.jsonl", false),
        ("**/test.jsonl", "test.jsonl", true),
        ("**/test.jsonl", "a/b/test.jsonl", true),
        ("**/test.jsonl", "a/b/test.json", false),
        ("data/*.jsonl", "data/train.jsonl", true),
        ("data/*.jsonl", "data/sub/train.jsonl", false),
        ("data/**/*.jsonl", "data/train.jsonl", true),
        ("data/**/*.jsonl", "data/x/y/train.jsonl", true),
        ("data/train-?.jsonl", "data/train-1.jsonl", true),
        ("data/train-?.jsonl", "data/train-12.jsonl", false),
        ("data/train-?.jsonl", "data/train-/.jsonl", false),
        // Without a slash, a name at any depth; a directory matches the files below it.
        ("*.json", "a/b/c.json", true),
        ("*.json", "a/b/c.jsonl", false),
        ("eval", "data/eval/x.jsonl", true),
        ("eval", "data/evaluation/x.jsonl", false),
        ("data/eval", "data/eval/x.jsonl", true),
        ("./eval/", "eval/x.jsonl", true),
        ("评测/**", "评测/数据.jsonl", true),
        ("*据.jsonl", "评测/数据.jsonl", true),
        ("", "x.jsonl", false),
        ("a*b*c*d*e*f*g", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", false),
        // Stars that each could take any share of the name, or of the path: without care, n^k ways to try.
        ("*a*a*a*a*a*a*a*a*a*a*a*a*a*b", String(repeating: "a", count: 60) + ".jsonl", false),
        ("*a*a*a*a*a*a*a*a*a*a*a*a*a*b", String(repeating: "a", count: 60) + "b", true),
        ("**/**/**/**/**/**/**/**/**/**/**/**/x", Array(repeating: "a", count: 40).joined(separator: "/") + "/y", false),
        ("**/**/**/**/**/**/**/**/**/**/**/**/x", Array(repeating: "a", count: 40).joined(separator: "/") + "/x", true),
        ("a/**/b/**/c", "a/b/c", true),
        ("a/**/b/**/c", "a/x/b/y/z/c", true),
        ("a/**/b/**/c", "a/x/c/b", false),
        ("*.*", "x", false),
        ("a*", "a", true),
        // Sets of characters: listed, ranges, negated; a `[` without a `]` is a plain character.
        ("data/train-[12].jsonl", "data/train-1.jsonl", true),
        ("data/train-[12].jsonl", "data/train-3.jsonl", false),
        ("shard-[0-9][0-9].jsonl", "x/shard-07.jsonl", true),
        ("shard-[0-9][0-9].jsonl", "x/shard-7a.jsonl", false),
        ("[!_]*.jsonl", "train.jsonl", true),
        ("[!_]*.jsonl", "_scratch.jsonl", false),
        ("[^_]*.jsonl", "_scratch.jsonl", false),
        ("[]x].jsonl", "].jsonl", true),
        ("[]x].jsonl", "x.jsonl", true),
        ("[]x].jsonl", "y.jsonl", false),
        ("[a-].jsonl", "-.jsonl", true),
        ("data[1.jsonl", "data[1.jsonl", true),
        ("data[1.jsonl", "data1.jsonl", false),
        ("[评测]/*.jsonl", "评/x.jsonl", true),
        ("[z-a].jsonl", "m.jsonl", false),
        ("data/[!x]", "data/y/train.jsonl", true),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(PathPattern(pattern).matches(path) == expected)
    }

    @Test func overridesMatchPathsRelativeToTheirDirectory() {
        let overrides = PathOverrides(
            directory: "/repo", entries: [PathOverride(paths: [PathPattern("eval/**")]), PathOverride(paths: [PathPattern("*.json")])])
        #expect(overrides.matching("/repo/eval/a.json") == [0, 1])
        #expect(overrides.matching("/repo/./eval/../train.jsonl") == [])
        #expect(overrides.matching("/elsewhere/eval/a.jsonl") == [])
        #expect(overrides.matching("-") == [])
    }
}
