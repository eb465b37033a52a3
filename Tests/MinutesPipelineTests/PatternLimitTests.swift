import BundledRules
import Foundation
import MinutesCore
import MinutesPipeline
import MinutesRules
import Testing

/// A rule that runs into PCRE2's limits is reported, wherever it runs: on the
/// text itself, or on a word, a cell or a title that a stage cut out of it.
/// Each case adds one runaway rule (catastrophic backtracking on purpose) to
/// the bundled rules, in a place only that stage reads, and gives a document
/// that reaches it.
@Suite struct PatternLimitTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var stage: String
        var dimension: String
        var rule: String
        var yields: String
        var set: String = ""
        var pattern = "(?:(a+)+)+!"
        /// What the rule's must-match example ("aa!") gives.
        var expect = "{text: \"aa!\"}"
        var text: String
        /// Whether the rule ran on the document's text (the diagnostic has a span) or on a string cut from it.
        var onText: Bool
        var testDescription: String { stage }
    }

    /// What the runaway pattern backtracks on: many a's and, further on, the "!" it needs
    /// (without a "!" in the subject PCRE2 gives up at once).
    static let runs = String(repeating: "a", count: 40) + "-!z"

    static let cases: [Case] = [
        Case(stage: "the segmenter's item headings", dimension: "items", rule: "items.runaway-heading",
             yields: "item", pattern: "(?<number>\\d+)\\.\\s+(?<title>(?:(a+)+)+!)", expect: "{number: \"1\"}", text: "1. \(runs)\nNone.\n", onText: true),
        Case(stage: "a note after a listed name (statuses)", dimension: "attendance", rule: "attendance.runaway-heading",
             yields: "attendance-heading", set: "set: {status: present}", expect: "{status: present}",
             text: "Minutes of the meeting held on 3 March 2020\n\nPresent: Cllr Ann Bell (\(runs)), Cllr Tom Dale\n", onText: false),
        Case(stage: "a note after a listed name (role words)", dimension: "people", rule: "people.role-word",
             yields: "fragment",
             text: "Minutes of the meeting held on 3 March 2020\n\nPresent: Cllr Ann Bell (\(runs)), Cllr Tom Dale\n\n1. Apologies\nNone.\n",
             onText: false),
        Case(stage: "an action log's header cells", dimension: "actions", rule: "actions.runaway-column",
             yields: "action-column", set: "set: {column: ref}", expect: "{column: ref}",
             text: "Minutes of the meeting held on 3 March 2020\n\n| \(runs) | Action | Owner |\n|---|---|---|\n| 1 | Write to the school | Clerk |\n",
             onText: false),
        Case(stage: "the reference opening an action log's cell", dimension: "actions", rule: "actions.runaway-ref",
             yields: "action-ref", pattern: "(?<ref>(?:(a+)+)+!)", expect: "{ref: \"aa!\"}",
             text: "Minutes of the meeting held on 3 March 2020\n\n| Action | Owner |\n|---|---|\n| \(runs) write to the school | Clerk |\n",
             onText: true),
        // A title has no "!": this pattern needs no one character, so PCRE2 cannot give up early.
        Case(stage: "a body named by its kind alone", dimension: "meeting", rule: "meeting.generic-body",
             yields: "fragment", pattern: "(?:(\\w+\\s?)+)+(?:!|\\d)", expect: "{text: \"aa!\"}",
             text: "Northmoor Village Hall Management Committee\nMinutes of the meeting held on 3 March 2020\n\n1. Apologies\nNone.\n",
             onText: false),
    ]

    @Test(arguments: cases)
    func aLimitHitIsReported(_ c: Case) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dimension = folder.appendingPathComponent(c.dimension)
        try FileManager.default.createDirectory(at: dimension, withIntermediateDirectories: true)
        let yaml = """
        - id: \(c.rule)
          description: catastrophic backtracking on purpose
          pattern: '\(c.pattern)'
          yields: \(c.yields)
          \(c.set)
          examples:
            - text: "\(c.yields == "item" ? "1. aa!" : "aa!")"
              expect: \(c.expect)
            - text: "b"
              expect: none
        """
        try yaml.write(to: dimension.appendingPathComponent("runaway.yaml"), atomically: true, encoding: .utf8)
        let pipeline = Pipeline(rules: try RuleBook.load(overriding: [folder]))
        let doc = try pipeline.extract(bytes: Array(c.text.utf8), path: "hostile.txt")
        let reported = doc.diagnostics.filter { $0.code == .patternLimit && $0.rule == c.rule }
        #expect(!reported.isEmpty, "no pattern-limit diagnostic for \(c.rule): \(doc.diagnostics.map(\.message))")
        #expect(reported.allSatisfy { $0.message.contains("runaway.yaml:1") }, "the message names the rule's file and line")
        if c.onText {
            #expect(reported.allSatisfy { $0.span != nil }, "a limit hit on the text says where")
        } else {
            #expect(reported.contains { $0.span == nil && $0.message.contains("word, cell or title") })
        }
        // The diagnostics stay in the order the resolver gives every document's.
        let starts = doc.diagnostics.compactMap { $0.span?.start }
        #expect(starts == starts.sorted())
        // A rule that gives up on the same string many times is reported once for it.
        #expect(Set(reported.map { "\($0.span.map { "\($0.start)" } ?? "-")" }).count == reported.count)
    }
}
