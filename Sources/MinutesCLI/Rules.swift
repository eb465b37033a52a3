import ArgumentParser
import Foundation
import MinutesRules

/// `minutes rules`: look at and prove the rules.
public struct RulesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, or run every rule's examples.",
        subcommands: [Test.self, List.self],
        defaultSubcommand: List.self
    )

    public init() {}

    /// `minutes rules test`
    public struct Test: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run every rule's examples: those that must match and those that must not.",
            discussion: """
                Each example text goes through the same normalisation as a document, then
                the rule's pattern; a failure prints file:line of the example, the rule id
                and what differed.

                EXAMPLES
                  minutes rules test
                  minutes rules test --rules my-rules/

                \(ExitStatus.help)
                """
        )

        @OptionGroup var rules: RulesOptions

        public init() {}

        public func run() throws {
            let book = try rules.book()
            let results = book.checkExamples()
            let failures = results.filter { $0.failure != nil }
            for f in failures {
                try Console.write("\(f.location): \(f.rule.id): \(f.failure!)\n    text: \(f.example.text.debugDescription)\n")
            }
            try Console.write("\(results.count) examples of \(book.rules.count) rules: \(failures.isEmpty ? "all hold" : "\(failures.count) failed")\n")
            if !failures.isEmpty { throw ExitStatus.checkFailed }
        }
    }

    /// `minutes rules list`
    public struct List: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List every rule: id, what it yields, where it is defined, and what it is for."
        )

        @OptionGroup var rules: RulesOptions

        public init() {}

        public func run() throws {
            for rule in try rules.book().rules {
                try Console.write("\(rule.id)\t\(rule.yields.rawValue)\t\(rule.file):\(rule.line)\n    \(rule.description)\n")
            }
        }
    }
}
