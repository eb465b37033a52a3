import Foundation
import Testing

/// Inputs that once stopped the tool dead (a trap, exit 132, nothing said):
/// each must now give the right answer or a clear error with its status.
extension CLITests {
    /// A bare "Agreed." or "Noted" under an item: a decision sentence whose
    /// match starts on the line's indent.
    @Test(arguments: ["1. Apologies\n   Agreed.\n", "1. Apologies\n   Noted\n"])
    func indentedBareDecision(_ text: String) throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("a.txt")
        try Data(text.utf8).write(to: file)
        let result = try run("minutes", ["extract", file.path])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let items = try json(result.stdout)["items"] as? [[String: Any]]
        #expect(items?.first?["title"] as? String == "Apologies")
    }

    /// A table of rule lines only has no rows; every command reads it.
    @Test(arguments: [["extract"], ["segment"], ["validate"]])
    func tableOfRuleLinesOnly(_ command: [String]) throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("r.txt")
        try Data("|---|---|\n".utf8).write(to: file)
        let result = try run("minutes", command + [file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    /// A `--rules` pattern that can match the empty string is refused at load.
    @Test(arguments: ["z*", "(?=)"])
    func ruleMatchingTheEmptyString(_ pattern: String) throws {
        let folder = try temporaryFolder()
        let rules = folder.appendingPathComponent("rules/decisions")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try Data("""
            - id: decision.zed
              description: matches nothing at all
              pattern: '\(pattern)'
              yields: decision
              set: {kind: agreed}
              examples:
                - text: "zz"
                  expect: {text: "zz"}
                - text: "abc"
                  expect: none

            """.utf8).write(to: rules.appendingPathComponent("z.yaml"))
        let result = try run("minutes", ["extract", "--rules", folder.appendingPathComponent("rules").path, Self.seed])
        #expect(result.status == 78)
        #expect(result.stderr == "minutes: \(rules.path)/z.yaml:3: rule decision.zed: the pattern can match the empty string (as z* or (?=x) do), so it would match everywhere; make it need at least one character\n")
    }
}
