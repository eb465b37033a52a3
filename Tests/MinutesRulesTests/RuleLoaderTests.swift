import BundledRules
import Foundation
import Testing
@testable import MinutesRules
@testable import MinutesText

/// A rule file that cannot be used fails at load, naming file, line and reason.
@Suite struct RuleLoaderTests {
    static let good = """
    - id: amount.test
      description: test
      pattern: '£(?<num>\\d+)(?<mult>k)'
      yields: money
      examples:
        - text: "£5k"
          expect: {value: 5000}
        - text: "£5"
          expect: none
    """

    func errors(_ yaml: String, path: String = "Rules/amounts/test.yaml") -> [String] {
        do {
            _ = try RuleBook.load(files: [(path, yaml)])
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func aGoodFileLoads() throws {
        let book = try RuleBook.load(files: [("Rules/amounts/test.yaml", Self.good)])
        #expect(book.rules.map(\.id) == ["amount.test"])
        #expect(book.rules[0].dimension == "amounts")
        #expect(book.rules[0].line == 1)
    }

    @Test func unknownKey() {
        let yaml = Self.good.replacingOccurrences(of: "  yields: money", with: "  yields: money\n  colour: blue")
        #expect(errors(yaml) == ["Rules/amounts/test.yaml:5: unknown key 'colour'; a rule has only description, examples, flags, id, near, pattern, priority, set, triggers, yields"])
    }

    @Test func missingField() {
        let yaml = Self.good.replacingOccurrences(of: "  description: test\n", with: "")
        #expect(errors(yaml) == ["Rules/amounts/test.yaml:1: rule is missing 'description'"])
    }

    @Test func patternThatDoesNotCompile() {
        let yaml = Self.good.replacingOccurrences(of: "'£(?<num>\\d+)(?<mult>k)'", with: "'£(?<num>\\d+k'")
        let found = errors(yaml)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("Rules/amounts/test.yaml:3: rule amount.test: pattern does not compile: missing closing parenthesis at offset") == true)
        #expect(found.first?.hasSuffix("; fix the pattern") == true)
    }

    /// The offset is in the pattern as written, though the pattern compiled has
    /// `\d` spelt out and fragments copied in.
    @Test func anErrorOffsetCountsThePatternAsWritten() {
        let yaml = Self.good.replacingOccurrences(of: "'£(?<num>\\d+)(?<mult>k)'", with: "'\\d\\d(?<num>x'")
        #expect(yaml.contains("pattern: '\\d\\d(?<num>x'"))
        #expect(errors(yaml).first?.contains("missing closing parenthesis at offset 12 of the pattern") == true, "\(errors(yaml))")
    }

    @Test func blockPatternErrorPointsAtTheLineInsideTheBlock() {
        let yaml = Self.good.replacingOccurrences(of: "  pattern: '£(?<num>\\d+)(?<mult>k)'", with: "  pattern: |-\n    £(?<num>\\d+)\n    k(")
        let found = errors(yaml)
        #expect(found.first?.hasPrefix("Rules/amounts/test.yaml:5:") == true, "\(found)")
    }

    @Test func missingNamedGroup() {
        let yaml = Self.good.replacingOccurrences(of: "(?<num>\\d+)", with: "(\\d+)")
        #expect(errors(yaml).first?.hasPrefix("Rules/amounts/test.yaml:3: rule amount.test: 'money' reads named groups") == true)
    }

    @Test func exampleWithoutMustNotMatch() {
        let yaml = Self.good.replacingOccurrences(of: "    - text: \"£5\"\n      expect: none", with: "")
        #expect(errors(yaml) == ["Rules/amounts/test.yaml:6: rule amount.test: give at least one example that must match (expect: {…}) and one that must not (expect: none)"])
    }

    @Test func unknownExampleKey() {
        let yaml = Self.good.replacingOccurrences(of: "expect: none", with: "expected: none")
        #expect(errors(yaml) == ["Rules/amounts/test.yaml:9: rule amount.test: unknown example key 'expected'; an example has text and expect"])
    }

    @Test func brokenYAML() {
        let found = errors("- id: amount.x\n  description: [unclosed\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("Rules/amounts/test.yaml:") == true)
        #expect(found.first?.contains("not valid YAML") == true)
    }

    @Test func unknownDimension() {
        #expect(errors(Self.good, path: "Rules/weather/test.yaml").first?
            .hasPrefix("Rules/weather/test.yaml:1: rule files live in Rules/<dimension>/, and 'weather' is not one of") == true)
    }

    @Test func badIdShape() {
        let yaml = Self.good.replacingOccurrences(of: "amount.test", with: "Amount Test")
        #expect(errors(yaml) == ["Rules/amounts/test.yaml:1: id must look like 'dimension.name' in lower case, e.g. 'amount.gbp-suffix'"])
    }

    @Test func duplicateIdAcrossFiles() {
        do {
            _ = try RuleBook.load(files: [("Rules/amounts/a.yaml", Self.good), ("Rules/amounts/b.yaml", Self.good)])
            Issue.record("expected a duplicate-id error")
        } catch {
            #expect(error.description == "Rules/amounts/b.yaml:1: duplicate rule id 'amount.test', first defined at Rules/amounts/a.yaml:1; give each rule its own id")
        }
    }

    @Test func aUserRuleOverridesABundledOneById() throws {
        let replacement = Self.good.replacingOccurrences(of: "description: test", with: "description: mine")
        let book = try RuleBook.load(files: [("Rules/amounts/a.yaml", Self.good), ("/home/me/rules/amounts/a.yaml", replacement)],
                                     overridable: ["Rules/amounts/a.yaml"])
        #expect(book.rules.count == 1)
        #expect(book.rules[0].description == "mine")
    }

    @Test func everyErrorInAFileIsReported() {
        let yaml = Self.good + "\n" + Self.good.replacingOccurrences(of: "amount.test", with: "amount.other")
            .replacingOccurrences(of: "  yields: money", with: "  yields: weather")
        let found = errors(yaml.replacingOccurrences(of: "  description: test\n  pattern", with: "  descripton: test\n  pattern"))
        #expect(found.count == 2, "\(found)")
    }

    /// A fragment that starts a pattern is copied in, with the options a
    /// `(?(DEFINE)…)` block at the pattern's end would give it, so it matches
    /// exactly what a call would, and PCRE2 sees where matches start; called
    /// after the pattern's first characters, it stays a call.
    @Test func fragmentsAreInlinedWithTheOptionsOfTheEndOfThePattern() throws {
        let yaml = """
        - id: people.capital
          description: a capital A, whatever the caller's case
          pattern: 'A'
          yields: fragment
          examples:
            - text: "A"
              expect: {text: "A"}
            - text: "a"
              expect: none
        - id: people.loop
          description: nested brackets, calling itself
          pattern: '\\((?:[^()]|(?&loop))*\\)'
          yields: fragment
          examples:
            - text: "(a(b))"
              expect: {text: "(a(b))"}
            - text: "a"
              expect: none
        - id: people.local
          description: caseless only around the call; the fragment keeps its case
          pattern: '(?i:(?<name>(?&capital))x)'
          yields: person
          set: {context: list}
          examples:
            - text: "AX"
              expect: {name: "A"}
            - text: "ax"
              expect: none
        - id: people.everywhere
          description: caseless to the end, so the fragment is caseless too
          pattern: '(?i)(?<name>(?&capital))y'
          yields: person
          set: {context: list}
          examples:
            - text: "aY"
              expect: {name: "a"}
            - text: "y"
              expect: none
        - id: people.after
          description: PCRE2 sees the x, so the fragment stays a call
          pattern: 'x(?<name>(?&capital))'
          yields: person
          set: {context: list}
          examples:
            - text: "xA"
              expect: {name: "A"}
            - text: "xa"
              expect: none
        - id: people.brackets
          description: a fragment that calls itself stays a call
          pattern: 'z(?<name>(?&loop))'
          yields: person
          set: {context: list}
          examples:
            - text: "z(a(b))"
              expect: {name: "(a(b))"}
            - text: "z()x"
              expect: {name: "()"}
            - text: "z(a"
              expect: none
        """
        let book = try RuleBook.load(files: [("Rules/people/test.yaml", yaml)])
        #expect(book.rule(id: "people.local")?.pattern.source == "(?i:(?<name>(?^:A))x)")
        #expect(book.rule(id: "people.everywhere")?.pattern.source == "(?i)(?<name>(?^i:A))y")
        #expect(book.rule(id: "people.after")?.pattern.source == "x(?<name>(?&capital))(?(DEFINE)(?<capital>A))")
        #expect(book.rule(id: "people.brackets")?.pattern.source.contains("(?(DEFINE)") == true)
        let failures = book.checkExamples().filter { $0.failure != nil }
        #expect(failures.map { "\($0.rule.id): \($0.failure!)" } == [])
    }

    @Test func aLongFragmentStaysACall() throws {
        let words = (0..<200).map { "word\($0)" }.joined(separator: "|")
        let yaml = """
        - id: people.long-list
          description: more than the inlining limit
          pattern: '(?:\(words))\\b'
          yields: fragment
          examples:
            - text: "word7"
              expect: {text: "word7"}
            - text: "word"
              expect: none
        - id: people.listed
          description: calls the long fragment
          pattern: 'x (?<name>(?&long_list))'
          yields: person
          set: {context: list}
          examples:
            - text: "x word199"
              expect: {name: "word199"}
            - text: "x word"
              expect: none
        """
        let book = try RuleBook.load(files: [("Rules/people/test.yaml", yaml)])
        let source = try #require(book.rule(id: "people.listed")?.pattern.source)
        #expect(source.hasPrefix("x (?<name>(?&long_list))(?(DEFINE)(?<long_list>(?:word0|"))
        #expect(book.checkExamples().allSatisfy { $0.failure == nil })
    }

    /// A rule that starts with a long fragment (a call), or with a Unicode
    /// property, gets a lookahead of the characters its matches can start
    /// with, so PCRE2 skips the rest of the text; its matches are the same.
    @Test func aRuleStartingWithALongFragmentOrAPropertySaysWhereItsMatchesStart() throws {
        let words = (0..<200).map { "Word\($0)" }.joined(separator: "|")
        let yaml = """
        - id: people.long-list
          description: more than the inlining limit
          pattern: '(?:\(words))\\b'
          yields: fragment
          examples:
            - text: "Word7"
              expect: {text: "Word7"}
            - text: "word"
              expect: none
        - id: people.listed
          description: starts with the long fragment
          pattern: '(?<name>(?&long_list)) said'
          yields: person
          set: {context: list}
          examples:
            - text: "Word199 said"
              expect: {name: "Word199"}
            - text: "Word said"
              expect: none
        - id: people.capital
          description: starts with a property
          pattern: '(?<name>\\p{Lu}\\p{Ll}+) said'
          yields: person
          set: {context: list}
          examples:
            - text: "Émile said"
              expect: {name: "Émile"}
            - text: "émile said"
              expect: none
        """
        let book = try RuleBook.load(files: [("Rules/people/test.yaml", yaml)])
        let listed = try #require(book.rule(id: "people.listed")?.pattern)
        #expect(listed.source.hasPrefix("(?=[\\x57\\x77])(?<name>(?&long_list)) said(?(DEFINE)"))
        #expect(try listed.knowsWhereMatchesStart)
        let capital = try #require(book.rule(id: "people.capital")?.pattern)
        #expect(capital.source == "(?=[\\x41\\x42\\x43\\x44\\x45\\x46\\x47\\x48\\x49\\x4A\\x4B\\x4C\\x4D\\x4E\\x4F\\x50\\x51\\x52\\x53\\x54\\x55\\x56\\x57\\x58\\x59\\x5A]|[^\\x00-\\x7F])(?<name>\\p{Lu}\\p{Ll}+) said")
        #expect(try capital.matches(in: "Then Émile said, and Word3 said; Ölaf said").map(\.text) == ["Émile said", "Ölaf said"])
        #expect(try listed.matches(in: "Then Émile said, and Word3 said").map(\.text) == ["Word3 said"])
        #expect(book.checkExamples().allSatisfy { $0.failure == nil })
    }

    /// Trigger words: ASCII letters in either case, other characters as written.
    @Test func triggersMayHoldAnyCharacterAndIgnoreTheCaseOfASCIILetters() throws {
        let yaml = """
        - id: amount.test
          description: pounds
          pattern: '(?:£|GBP ?)(?<num>[0-9]+)'
          yields: money
          triggers: ['£', GBP]
          examples:
            - text: "cost £5"
              expect: {value: "5"}
            - text: "cost GBP 7"
              expect: {value: "7"}
            - text: "cost 5"
              expect: none
        """
        let book = try RuleBook.load(files: [("Rules/amounts/test.yaml", yaml)])
        #expect(book.rule(id: "amount.test")?.triggers == [[0xC2, 0xA3], Array("gbp".utf8)])
        let failures = book.checkExamples().filter { $0.failure != nil }
        #expect(failures.map { "\($0.rule.id): \($0.failure!)" } == [])
    }

    static let nearFiles: [(path: String, contents: String)] = [
        ("Rules/dates/words.yaml", """
        - id: dates.month-word
          description: a month
          pattern: '(?i:jan|feb|mar)(?![a-z])'
          yields: fragment
          examples:
            - text: "Feb"
              expect: {text: "Feb"}
            - text: "Febs"
              expect: none
        """),
        ("Rules/dates/test.yaml", """
        - id: dates.test
          description: a day and a month
          pattern: '\\b(?<day>[0-9]{1,2})\\s+(?<month>(?&month_word))(?!\\s*[0-9])'
          yields: calendar
          near: {fragment: month_word, reach: 20}
          examples:
            - text: "on 3 Feb."
              expect: {day: "3", month: "2"}
            - text: "on 3 Feb 2020"
              expect: none
        - id: dates.test-two
          description: a month alone
          pattern: '\\bin\\s+(?<month>(?&month_word))'
          yields: calendar
          near: {fragment: month_word, reach: 20}
          examples:
            - text: "in Mar"
              expect: {month: "3"}
            - text: "in May"
              expect: none
        """),
    ]

    /// A rule naming a fragment its matches contain searches only the lines
    /// around the fragment's matches (found once per text, by one pattern the
    /// rules share), and finds what it finds searching everywhere.
    @Test func aRuleNearAFragmentFindsWhatItFindsEverywhere() throws {
        let book = try RuleBook.load(files: Self.nearFiles)
        let rule = try #require(book.rule(id: "dates.test"))
        #expect(rule.near?.fragment == "month_word" && rule.near?.reach == 20)
        #expect(rule.near?.finder === book.rule(id: "dates.test-two")?.near?.finder)
        let everywhere = Rule(id: rule.id, dimension: rule.dimension, description: "", pattern: rule.pattern, yields: rule.yields,
                              settings: [:], priority: 0, examples: [], triggers: [], file: "", line: 0)
        let filler = String(repeating: "words and more words ", count: 8)
        for text in ["3 Jan", "\(filler)12\nFeb and 4 mar\n\(filler)\n\n5    jan 2020 \(filler) 6 Feb", "no months here, 7 Apr", ""] {
            let normalized = Normalizer.normalize(SourceText(text.unicodeScalars), format: .text)
            let near = try rule.matches(in: normalized).map(\.range)
            #expect(near == (try everywhere.matches(in: normalized).map(\.range)), "\(text)")
            #expect(near.count == ["3 Jan": 1, "": 0, "no months here, 7 Apr": 0][text, default: 3], "\(text)")
        }
        #expect(book.checkExamples().allSatisfy { $0.failure == nil })
    }

    /// The fragment is found as the rule calls it: with the options in force
    /// at the end of the rule's pattern (here caseless, which the fragment
    /// itself does not say).
    @Test func aFragmentIsFoundWithTheOptionsTheRuleCallsItWith() throws {
        let files = Self.nearFiles.map { ($0.path, $0.contents
            .replacingOccurrences(of: "pattern: '(?i:jan|feb|mar)(?![a-z])'", with: "pattern: '(?:jan|feb|mar)(?![a-z])'")
            .replacingOccurrences(of: "pattern: '\\b(?<day>", with: "pattern: '(?i)\\b(?<day>")) }
        let book = try RuleBook.load(files: files)
        let rule = try #require(book.rule(id: "dates.test"))
        #expect(rule.near?.finder.options == .caseless || rule.near?.finder.source.contains("(?^i:") == true)
        #expect(rule.near?.finder !== book.rule(id: "dates.test-two")?.near?.finder)
        let filler = String(repeating: "more words in a line\n", count: 10)
        let text = Normalizer.normalize(SourceText("on 3 FEB\n\(filler)and 4 feb".unicodeScalars), format: .text)
        #expect(try rule.matches(in: text).count == 2)
    }

    @Test func nearNamesAFragmentAndAReach() {
        func error(_ near: String) -> [String] {
            let files = Self.nearFiles.map { ($0.path, $0.contents.replacingOccurrences(of: "near: {fragment: month_word, reach: 20}\n  examples:\n    - text: \"on", with: "\(near)\n  examples:\n    - text: \"on")) }
            do { _ = try RuleBook.load(files: files); return [] } catch { return error.errors.map(\.description) }
        }
        #expect(error("near: {fragment: month_word, reach: 20}") == [])
        #expect(error("near: {fragment: weekday, reach: 20}") == ["Rules/dates/test.yaml:5: rule dates.test: near names no fragment 'weekday'; fragments are called as in (?&name), e.g. month_name"])
        #expect(error("near: {fragment: month_word, reach: 0}").first?.hasSuffix("reach 1 to 400") == true)
        #expect(error("near: month_word").first?.contains("near is {fragment: name, reach: bytes}") == true)
        #expect(error("triggers: [feb]\n  near: {fragment: month_word, reach: 20}") == ["Rules/dates/test.yaml:6: rule dates.test: give triggers or near, not both"])
    }

    /// Inside a long fragment the short fragments it calls stay calls, each
    /// defined once: copied in, they would be compiled once per copy for no gain
    /// (PCRE2 looks for a match's first characters only at the pattern's top).
    @Test func aLongFragmentCallsTheShortFragmentsItUses() throws {
        let words = (0..<200).map { "word\($0)" }.joined(separator: "|")
        let yaml = """
        - id: people.title
          description: a short fragment
          pattern: '(?:Mr|Ms)'
          yields: fragment
          examples:
            - text: "Mr"
              expect: {text: "Mr"}
            - text: "Mx"
              expect: none
        - id: people.long-list
          description: more than the inlining limit, calling the short fragment twice
          pattern: '(?&title)\\s(?:\(words))(?:\\s(?&title))?\\b'
          yields: fragment
          examples:
            - text: "Mr word7 Ms"
              expect: {text: "Mr word7 Ms"}
            - text: "Mr word"
              expect: none
        - id: people.listed
          description: calls the short fragment at its start, and the long one
          pattern: '(?&title):(?<name>(?&long_list))'
          yields: person
          set: {context: list}
          examples:
            - text: "Ms:Mr word199 Mr"
              expect: {name: "Mr word199 Mr"}
            - text: "Ms:Mr word"
              expect: none
        """
        let book = try RuleBook.load(files: [("Rules/people/test.yaml", yaml)])
        let source = try #require(book.rule(id: "people.listed")?.pattern.source)
        #expect(source.hasPrefix("(?^:(?:Mr|Ms)):(?<name>(?&long_list))(?(DEFINE)(?<long_list>(?&title)\\s(?:word0|"))
        #expect(source.hasSuffix("(?<title>(?:Mr|Ms)))"))
        #expect(source.components(separatedBy: "(?:Mr|Ms)").count == 3)  // at the top, and its one definition
        #expect(book.checkExamples().allSatisfy { $0.failure == nil })
    }

    /// Bundled patterns wait for their first search, unless a --rules folder is
    /// given: its fragments may replace ones the bundled rules call, so then
    /// everything compiles at load, where a failure is reported, not hit mid-run.
    @Test func bundledRulesCompileAtLoadOnlyWithUserFolders() throws {
        let lazy = try RuleBook.load(overriding: [])
        #expect(lazy.rules.allSatisfy { !$0.pattern.isCompiled })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("amounts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.good.write(to: folder.appendingPathComponent("amounts/mine.yaml"), atomically: true, encoding: .utf8)
        let eager = try RuleBook.load(overriding: [folder])
        #expect(eager.rules.allSatisfy { $0.pattern.isCompiled })
        #expect(eager.rule(id: "amount.test") != nil)
    }

    @Test func missingRulesFolder() {
        do {
            _ = try RuleBook.load(overriding: [URL(fileURLWithPath: "/nonexistent/rules")])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/nonexistent/rules:0: no such rules folder; give a folder laid out as <dimension>/*.yaml")
        }
    }
}
