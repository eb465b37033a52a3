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
