import ArgumentParser
import MinutesText
import Foundation
import MinutesRules

/// `minutes rules`: look at and prove the rules.
public struct RulesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, or run every rule's examples.",
        subcommands: [Test.self, List.self, Profile.self],
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
            let book = try rules.book(compilingNow: true)
            let results = book.checkExamples()
            let failures = results.filter { $0.failure != nil }
            for f in failures {
                try Console.write("\(f.location): \(f.rule.id): \(f.failure ?? "")\n    text: \(f.example.text.debugDescription)\n")
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

    /// `minutes rules profile FILE`
    public struct Profile: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "profile",
            abstract: "Time each rule's search over a whole file, slowest first (to find the rule that slows a run).",
            discussion: """
                Runs every rule over the whole normalised text of FILE (as if it searched
                everywhere; in a real run some rules only search parts of it) and prints the
                milliseconds each search took, its matches, and the milliseconds spent
                compiling its pattern (paid once per process, at the rule's first search).
                A rule marked * is tried at every position of the text: PCRE2 cannot tell
                which characters its matches start with (a call to a long fragment, \\p{…}
                or \\s first defeat that; trigger words, a fragment it is near, or a first
                character PCRE2 can see make such a rule cheap).

                EXAMPLES
                  minutes rules profile minutes.txt | head
                """
        )

        @Argument(help: ArgumentHelp("A minutes file.", valueName: "file"))
        var file: String

        @OptionGroup var input: InputOptions
        @OptionGroup var rules: RulesOptions

        public init() {}

        public func run() throws {
            let book = try rules.book()
            let loaded = try input.load(file)
            let text = Normalizer.normalize(loaded.text, format: loaded.source.format)
            func milliseconds(since start: DispatchTime) -> Double {
                Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
            }
            var rows: [(ms: Double, rule: Rule, count: Int, compileMS: Double)] = []
            for rule in book.rules where rule.yields != .fragment {
                let compiling = DispatchTime.now()
                try? rule.pattern.compile()
                let compileMS = milliseconds(since: compiling)
                // The fragment a `near` rule searches around is found once for every rule naming it: not here.
                if let near = rule.near { _ = try? text.windows(aroundMatchesOf: near.finder, in: 0..<0, reach: 0) }
                let start = DispatchTime.now()
                let count = (try? rule.matches(in: text).count) ?? -1
                rows.append((milliseconds(since: start), rule, count, compileMS))
            }
            let total = rows.map(\.ms).reduce(0, +)
            let compiling = rows.map(\.compileMS).reduce(0, +)
            var out = String(format: "%.1f ms searching over %d scalars; %.1f ms compiling\n", total, text.count, compiling)
            out += "  search matches  compile  rule\n"
            for row in rows.sorted(by: { $0.ms > $1.ms }) {
                let everywhere = (try? row.rule.pattern.knowsWhereMatchesStart) == false && row.rule.triggers.isEmpty && row.rule.near == nil
                out += String(format: "%8.2f ms %6d %6.2f ms %@ %@\n", row.ms, row.count, row.compileMS, everywhere ? "*" : " ", row.rule.id)
            }
            try Console.write(out)
        }
    }
}
