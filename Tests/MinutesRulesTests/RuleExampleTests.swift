import BundledRules
import Testing
@testable import MinutesRules

/// Every example of every bundled rule is a test case of its own, so a
/// failure names the rule file and the example's line.
@Suite struct RuleExampleTests {
    static let book = try! RuleBook.bundled(compilingNow: true)
    static let cases: [ExampleCase] = book.rules.flatMap { rule in
        rule.examples.map { ExampleCase(rule: rule, example: $0) }
    }

    struct ExampleCase: CustomTestStringConvertible, Sendable {
        var rule: Rule
        var example: RuleExample
        var testDescription: String { "\(rule.id) @ \(rule.file):\(example.line)" }
    }

    @Test(arguments: cases)
    func exampleHolds(_ c: ExampleCase) {
        let result = c.rule.check(c.example)
        #expect(result.failure == nil, "\(result.location): \(result.failure ?? "")")
    }

    @Test func everyDimensionFolderHasRules() {
        let dimensions = Set(Self.book.rules.map(\.dimension))
        for needed in ["meeting", "items", "amounts"] {
            #expect(dimensions.contains(needed))
        }
    }

    @Test func everyRuleHasExamplesBothWays() {
        for rule in Self.book.rules {
            #expect(rule.examples.contains { $0.expect != nil }, "\(rule.id)")
            #expect(rule.examples.contains { $0.expect == nil }, "\(rule.id)")
        }
    }

    @Test func idsAreUnique() {
        let ids = Self.book.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func aBrokenExampleIsReportedNotPassed() throws {
        let yaml = RuleLoaderTests.good.replacingOccurrences(of: "expect: {value: 5000}", with: "expect: {value: 6000}")
        let book = try RuleBook.load(files: [("Rules/amounts/test.yaml", yaml)])
        let results = book.checkExamples()
        #expect(results.map(\.failure) == ["value is '5000', expected '6000'", nil])
        #expect(results[0].location == "Rules/amounts/test.yaml:6")
    }
}

/// Rules that match their sentence or list boundary and drop it with `\K`
/// find what the lookbehinds they replaced found.
@Suite struct BoundaryRuleTests {
    static let book = try! RuleBook.bundled(compilingNow: true)

    /// After a separator and a line break, the line-start branch is tried
    /// first, as its lookbehind was: it takes a name that goes on to a role
    /// word on the next line, where the separator branch would stop at the
    /// line end.
    @Test func theLineStartBranchWinsAfterASeparatorAndALineBreak() throws {
        let rule = try #require(Self.book.rule(id: "people.listed-name"))
        for text in ["Present:\nJohn\nSmith Clerk", "Ann Grey and\nJohn\nSmith Clerk", "Ann Grey and\tJohn\nSmith Clerk"] {
            let names = try rule.pattern.matches(in: text).compactMap { $0.groups["name"] }
            #expect(names.last == "John\nSmith", "\(text.debugDescription): \(names)")
        }
        // Straight after a comma, colon or semicolon the separator branch is
        // tried first (it was: its lookbehind held one place earlier), spaces
        // and tabs being part of the match.
        for (text, expected) in [("Ann Grey, John Smith", ["Ann Grey", "John Smith"]),
                                 ("Ann Grey,\tJohn\nSmith Clerk", ["Ann Grey", "John", "Smith"])] {
            #expect(try rule.pattern.matches(in: text).compactMap { $0.groups["name"] } == expected, "\(text.debugDescription)")
        }
    }
}
