import Testing

@testable import SFTLintCore

/// Every key of a config file decodes, and every mistake is an error naming the key path and `path:line:col`.
@Suite("Config decoding")
struct ConfigDecodingTests {
    static let rules = allChecks.map(\.info)

    func decode(_ text: String, directory: String = ".") throws(SFTLintError) -> Configuration {
        try Configuration(decoding: Array(text.utf8), file: "sftlint.json", directory: directory, rules: Self.rules)
    }

    /// The message of the error decoding `text` throws, or nil when it decodes.
    func failure(_ text: String) -> String? {
        do throws(SFTLintError) {
            _ = try decode(text)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func decodesEveryKey() throws {
        let configuration = try decode(
            """
            {
              "//": "notes are allowed at any level",
              "select": ["S", "D001,C"],
              "ignore": ["S005", "role-tag-drift"],
              "severity": {"//": "why", "C003": "warning", "D": "error"},
              "fail-on": "warning",
              "fail-under": 92.5,
              "input-format": "sharegpt",
              "max-findings-per-rule": 0,
              "near-dup-threshold": 0.85,
              "against": ["eval/mmlu.jsonl", "/abs/eval.json", "-"],
              "short-response-words": 5,
              "max-tokens": 4096,
              "eos": "<|im_end|>",
              "special-tokens": ["<|my_end|>"],
              "boilerplate-phrases": ["as a large language model", "作为一个人工智能"],
              "overrides": [{"//": "eval files", "paths": ["eval/**", "*.json"], "select": ["D001"],
                             "ignore": ["D"], "severity": {"E": "info"}}],
              "rules": [{"code": "X001", "name": "no-internal-urls", "pattern": "https?://intra\\\\.",
                         "in": "response", "severity": "error", "message": "internal URL leaked"},
                        {"code": "XY123", "name": "no-todo", "pattern": "TODO"}]
            }
            """, directory: "conf")
        #expect(configuration.file == "sftlint.json")
        #expect(configuration.select == ["S", "D001,C"])
        #expect(configuration.ignore == ["S005", "role-tag-drift"])
        #expect(configuration.severities.entries == [.init("C003", .warning), .init("D", .error)])
        #expect(configuration.failOn == "warning")
        #expect(configuration.failUnder == 92.5)
        #expect(configuration.inputFormat == .sharegpt)
        #expect(configuration.maxFindingsPerRule == 0)
        #expect(configuration.nearDuplicateThreshold == 0.85)
        // Relative paths are relative to the config file's directory.
        #expect(configuration.against == ["conf/eval/mmlu.jsonl", "/abs/eval.json", "-"])
        #expect(configuration.shortResponseWords == 5)
        #expect(configuration.maxTokens == 4096)
        #expect(configuration.eos == "<|im_end|>")
        #expect(configuration.specialTokens == ["<|my_end|>"])
        #expect(configuration.boilerplatePhrases == ["as a large language model", "作为一个人工智能"])
        #expect(configuration.overrides.count == 1)
        let override = try #require(configuration.overrides.first)
        #expect(override.paths.map(\.text) == ["eval/**", "*.json"])
        #expect(override.select == ["D001"])
        #expect(override.ignore == ["D"])
        #expect(override.severities.entries == [.init("E", .info)])
        #expect(
            configuration.rules == [
                CustomRule(
                    code: "X001", name: "no-internal-urls", pattern: "https?://intra\\.", scope: .response,
                    severity: .error, message: "internal URL leaked"),
                CustomRule(
                    code: "XY123", name: "no-todo", pattern: "TODO", scope: .any, severity: .warning,
                    message: "matches no-todo"),
            ])
    }

    @Test func appliesToLintOptions() throws {
        let configuration = try decode(
            """
            {"ignore": ["X"], "severity": {"X001": "info"}, "eos": "</s>", "max-findings-per-rule": 7,
             "rules": [{"code": "X001", "name": "no-todo", "pattern": "TODO"}]}
            """)
        var options = LintOptions(version: "test")
        try configuration.apply(to: &options, rules: Self.rules)
        #expect(options.settings.eos == "</s>")
        #expect(options.maxFindingsPerRule == 7)
        #expect(options.customRules.map(\.code) == ["X001"])
        #expect(!options.selection.includes(configuration.rules[0].info))
        #expect(options.severities.severity(for: configuration.rules[0].info) == .info)
    }

    @Test func nullLeavesAKeyAtItsDefault() throws {
        let configuration = try decode(#"{"eos": null, "fail-under": null, "max-tokens": null}"#)
        var defaults = Configuration()
        defaults.file = "sftlint.json"
        #expect(configuration == defaults)
    }

    @Test(arguments: [
        // Invalid JSON: the parser's message at its position.
        (#"{"select": ["S"],}"#, "sftlint.json:1:18: invalid JSON: expected a string key, found '}'"),
        ("", "sftlint.json:1:1: invalid JSON: empty input"),
        ("[]", "sftlint.json:1:1: expected an object, got an array"),
        (#"{"eos": "</s>", "eos": "<eos>"}"#, "sftlint.json:1:17: key 'eos' repeats; one of its values would be lost"),
        // Unknown keys, with a suggestion when one is close.
        ("{\n  \"selct\": [\"S\"]\n}", "sftlint.json:2:3: selct: unknown key; did you mean 'select'?"),
        (#"{"colour": true}"#, "sftlint.json:1:2: colour: unknown key"),
        (
            #"{"overrides": [{"paths": ["a"], "ignroe": ["D"]}]}"#,
            "sftlint.json:1:33: overrides[0].ignroe: unknown key; did you mean 'ignore'?"
        ),
        // Wrong types.
        (#"{"select": "S"}"#, "sftlint.json:1:12: select: expected an array of rule codes or names, got a string"),
        (
            "{\"overrides\": [{\"paths\": [\"eval/**\", 3]}]}",
            "sftlint.json:1:38: overrides[0].paths[1]: expected a string, got a number"
        ),
        (#"{"eos": 2}"#, "sftlint.json:1:9: eos: expected a string, got a number"),
        (#"{"eos": ""}"#, "sftlint.json:1:9: eos: expected a non-empty string"),
        (#"{"severity": ["C003"]}"#, "sftlint.json:1:14: severity: expected an object of rule: severity, got an array"),
        (#"{"overrides": {"paths": []}}"#, "sftlint.json:1:15: overrides: expected an array of objects, got an object"),
        // Bad values.
        (#"{"fail-on": "fatal"}"#, "sftlint.json:1:13: fail-on: expected one of error, warning, info, never, got 'fatal'"),
        (#"{"fail-under": 101}"#, "sftlint.json:1:16: fail-under: expected a number from 0 to 100, got 101"),
        (#"{"near-dup-threshold": 0}"#, "sftlint.json:1:24: near-dup-threshold: expected a number above 0 and at most 1, got 0"),
        (#"{"max-findings-per-rule": 1.5}"#, "sftlint.json:1:27: max-findings-per-rule: expected a whole number (0 for no limit), got 1.5"),
        (#"{"short-response-words": "2"}"#, "sftlint.json:1:26: short-response-words: expected a whole number of 1 or more, got a string"),
        (#"{"max-tokens": 0}"#, "sftlint.json:1:16: max-tokens: expected a whole number of 1 or more, got 0"),
        (
            #"{"input-format": "csv"}"#,
            "sftlint.json:1:18: input-format: expected one of alpaca, sharegpt, openai, text, prompt-completion, got 'csv'"
        ),
        (#"{"severity": {"C003": "fatal"}}"#, "sftlint.json:1:23: severity.C003: expected one of error, warning, info, got 'fatal'"),
        (#"{"overrides": [{"ignore": ["D"]}]}"#, "sftlint.json:1:16: overrides[0]: an override needs \"paths\": the files it applies to"),
        // Unknown rules.
        (#"{"ignore": ["S005", "Q1"]}"#, "sftlint.json:1:21: ignore[1]: unknown rule 'Q1'; see 'sftlint rules'"),
        (#"{"select": ["S005,nope"]}"#, "sftlint.json:1:13: select[0]: unknown rule 'nope'; see 'sftlint rules'"),
        (#"{"severity": {"D999": "info"}}"#, "sftlint.json:1:15: severity.D999: unknown rule 'D999'; see 'sftlint rules'"),
        (
            #"{"overrides": [{"paths": ["a"], "severity": {"role-ordr": "info"}}]}"#,
            "sftlint.json:1:46: overrides[0].severity.role-ordr: unknown rule 'role-ordr'; see 'sftlint rules'"
        ),
    ])
    func badConfigs(text: String, message: String) {
        #expect(failure(text) == message)
    }

    @Test(arguments: [
        (#"{"rules": {"code": "X001"}}"#, "sftlint.json:1:11: rules: expected an array of rule objects, got an object"),
        (#"{"rules": [{"code": "X001", "name": "a"}]}"#, "sftlint.json:1:12: rules[0]: a rule needs \"pattern\""),
        (
            #"{"rules": [{"code": "S100", "name": "a", "pattern": "b"}]}"#,
            "sftlint.json:1:21: rules[0].code: 'S100' is not a custom rule code: use letters then three digits, "
                + "such as X001, starting with none of the built-in letters C, D, E, J, L, S, V"
        ),
        (
            #"{"rules": [{"code": "X1", "name": "a", "pattern": "b"}]}"#,
            "sftlint.json:1:21: rules[0].code: 'X1' is not a custom rule code: use letters then three digits, "
                + "such as X001, starting with none of the built-in letters C, D, E, J, L, S, V"
        ),
        (
            #"{"rules": [{"code": "X001", "name": "No URLs", "pattern": "b"}]}"#,
            "sftlint.json:1:37: rules[0].name: 'No URLs' is not a kebab-case name"
        ),
        (
            #"{"rules": [{"code": "X001", "name": "role-order", "pattern": "b"}]}"#,
            "sftlint.json:1:37: rules[0].name: name 'role-order' is taken"
        ),
        (
            #"{"rules": [{"code": "X001", "name": "a", "pattern": "b"}, {"code": "X001", "name": "c", "pattern": "d"}]}"#,
            "sftlint.json:1:68: rules[1].code: code 'X001' is taken"
        ),
        (
            "{\"rules\": [\n  {\"code\": \"X001\", \"name\": \"a\", \"pattern\": \"intra(\\\\.\"}\n]}",
            "sftlint.json:2:44: rules[0].pattern: invalid regular expression /intra(\\./"
        ),
        (
            #"{"rules": [{"code": "X001", "name": "a", "pattern": "b", "in": "assistant"}]}"#,
            "sftlint.json:1:64: rules[0].in: expected one of prompt, response, system, any, got 'assistant'"
        ),
        (
            #"{"rules": [{"code": "X001", "name": "a", "pattern": "b", "severity": "fatal"}]}"#,
            "sftlint.json:1:70: rules[0].severity: expected one of error, warning, info, got 'fatal'"
        ),
        (
            #"{"rules": [{"code": "X001", "name": "a", "pattern": "b", "mesage": "c"}]}"#,
            "sftlint.json:1:58: rules[0].mesage: unknown key; did you mean 'message'?"
        ),
        // A selector may name a custom rule only when the file defines it.
        (#"{"select": ["X001"]}"#, "sftlint.json:1:13: select[0]: unknown rule 'X001'; see 'sftlint rules'"),
    ])
    func badCustomRules(text: String, message: String) {
        #expect(failure(text) == message)
    }

    @Test func selectorsMayNameCustomRulesDefinedAfterThem() throws {
        let configuration = try decode(
            #"{"select": ["X"], "ignore": ["no-todo"], "rules": [{"code": "X001", "name": "no-todo", "pattern": "TODO"}]}"#)
        #expect(configuration.select == ["X"])
        #expect(configuration.ignore == ["no-todo"])
    }

    @Test func positionsCountCJKCharactersAsOneColumn() {
        #expect(
            failure("{\"//\": \"中文说明\", \"eos\": 1}")
                == "sftlint.json:1:23: eos: expected a string, got a number")
    }
}
