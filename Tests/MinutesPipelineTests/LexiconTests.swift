import BundledRules
import Foundation
import MinutesCore
import MinutesPipeline
import MinutesRules
import Testing

/// Word lists live in `Rules/` as fragments, so a user's `--rules` folder
/// changes what a stage reads: each test runs one document with the bundled
/// lexicon and with a replacement, and the output follows the rule file.
@Suite struct LexiconTests {
    /// The bundled rules, or the bundled rules with one file added under `dimension`.
    static func pipeline(_ dimension: String? = nil, _ yaml: String = "") throws -> Pipeline {
        guard let dimension else { return Pipeline(rules: try RuleBook.load(overriding: [])) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(dimension), withIntermediateDirectories: true)
        try yaml.write(to: folder.appendingPathComponent(dimension).appendingPathComponent("lexicon.yaml"), atomically: true, encoding: .utf8)
        return Pipeline(rules: try RuleBook.load(overriding: [folder]))
    }

    static func fragment(_ id: String, _ pattern: String, must: String, mustNot: String) -> String {
        """
        - id: \(id)
          description: a replacement for the test
          pattern: '\(pattern)'
          yields: fragment
          examples:
            - text: "\(must)"
              expect: {text: "\(must)"}
            - text: "\(mustNot)"
              expect: none
        """
    }

    @Test func roleInitialsComeFromTheRuleFile() throws {
        let text = "Minutes of the meeting held on 3 March 2020\n\nPresent: Cllr Ann Bell, Cllr Tom Dale\n\n1. Budget\nThe figures were noted.\nAction: CFO\n"
        let unknown = { (doc: MinutesDocument) in doc.diagnostics.contains { $0.code == .actionOwnerUnknown } }
        let bundled = try Self.pipeline().extract(bytes: Array(text.utf8), path: "m.txt")
        #expect(bundled.actions.contains { $0.owners.map(\.text) == ["CFO"] })
        #expect(!unknown(bundled), "CFO names a post: not initials that fit no one")
        let replaced = try Self.pipeline("actions", Self.fragment("actions.role-initials", "(?:PCC|OPCC)(?![\\w-])", must: "PCC", mustNot: "CFO"))
            .extract(bytes: Array(text.utf8), path: "m.txt")
        #expect(unknown(replaced), "without CFO in the lexicon, CFO is initials that fit no one")
    }

    @Test func abbreviationsComeFromTheRuleFile() throws {
        let text = "Minutes of the meeting held on 3 March 2020\n\n1. Hall\nThe Clerk will write to Cllr. Bell about the hall by 30 April 2020.\n"
        let bundled = try Self.pipeline().extract(bytes: Array(text.utf8), path: "m.txt")
        #expect(bundled.actions.map(\.text) == ["The Clerk will write to Cllr. Bell about the hall by 30 April 2020."])
        let replaced = try Self.pipeline("text", Self.fragment("text.abbreviation", "(?:No|approx)(?![\\w-])", must: "No", mustNot: "Cllr"))
            .extract(bytes: Array(text.utf8), path: "m.txt")
        #expect(replaced.actions.map(\.text) == ["The Clerk will write to Cllr."], "'Cllr.' now ends the sentence")
    }

    @Test func postWordsComeFromTheRuleFile() throws {
        let text = "Minutes of the meeting held on 3 March 2020\n\nPresent: Cllr Ann Bell (Chair), the Parish Clerk and Tom Dale\n\n1. Apologies\nNone.\n"
        let bundled = try Self.pipeline().extract(bytes: Array(text.utf8), path: "m.txt")
        let replaced = try Self.pipeline("people", Self.fragment("people.post-word", "(?i:treasurer)(?![\\w-])", must: "Treasurer", mustNot: "Clerk"))
            .extract(bytes: Array(text.utf8), path: "m.txt")
        // "Clerk and" ends a post: Tom Dale is the next entry; without "clerk" in the lexicon he is lost in it.
        #expect(bundled.people.map(\.name) == ["Ann Bell", "Tom Dale"])
        #expect(replaced.people.map(\.name) == ["Ann Bell"])
    }
    @Test func duePrepositionsComeFromTheRuleFile() throws {
        // Two dates in the sentence: the one after "by" is when it is due.
        let text = "Minutes of the meeting held on 3 March 2020\n\n1. Hall\nThe Clerk will repair the fence damaged on 2 March by 30 April 2020.\n"
        let bundled = try Self.pipeline().extract(bytes: Array(text.utf8), path: "m.txt")
        #expect(bundled.actions.first?.due?.date == "2020-04-30")
        let replaced = try Self.pipeline("actions", Self.fragment("actions.due-preposition", "(?:until) ", must: "until ", mustNot: "by "))
            .extract(bytes: Array(text.utf8), path: "m.txt")
        #expect(replaced.actions.first?.due?.date == "2021-03-02", "without by the first date is taken (a due date is read forward: 2 March after the meeting)")
    }

    /// A surname that is also an honorific ("Baron", "Canon") is read as a
    /// name in a register of paired names: only the register's titles start an entry.
    @Test func registerTitlesAreNotEveryHonorific() throws {
        let text = "Minutes of the meeting held on 3 March 2020\n\nPresent: Ann Bell Tom Baron Sue Carr Ian Webb\n\n1. Apologies\nNone.\n"
        let doc = try Self.pipeline().extract(bytes: Array(text.utf8), path: "m.txt")
        #expect(doc.people.map(\.name) == ["Ann Bell", "Tom Baron", "Sue Carr", "Ian Webb"])
    }
}
