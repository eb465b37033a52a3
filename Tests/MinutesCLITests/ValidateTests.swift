import Foundation
import Testing

/// `minutes validate`: compiler-style findings, JSON, and exit statuses that
/// can gate a publishing workflow.
@Suite struct ValidateTests {
    let cli = CLITests()

    static let draft = """
    Parish Council
    Minutes of the meeting held on 12 June 2023

    Present: Cllr A Burke (AB), Cllr B Cole (BC)

    1. Finance
    The Clerk to write to the bank by 30 June.
    ZZ to circulate the accounts.
    Cllr Cole agreed to check the invoices.
    BC to renew the insurance by 1 May 2023.

    """

    static let clean = """
    Parish Council
    Minutes of the meeting held on 12 June 2023

    Present: Cllr A Burke (AB), Cllr B Cole (BC)

    1. Finance
    The Clerk to write to the bank by 30 June.
    AB to circulate the accounts by 20 June 2023.

    """

    func folder(_ files: [String: String]) throws -> URL {
        let dir = try cli.temporaryFolder()
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func findingsReadLikeACompilers() throws {
        let dir = try folder(["draft.txt": Self.draft])
        let r = try cli.run("minutes", ["validate", "draft.txt"], in: dir)
        #expect(r.stdout == """
        draft.txt:8:1: warning: action 'ZZ to circulate the accounts.' has no due date [action-missing-due-date]
        draft.txt:8:1: error: action owner 'ZZ' matches no one in the attendance or people of the minutes; check the initials [action-owner-unknown]
        draft.txt:9:1: warning: action 'Cllr Cole agreed to check the invoices.' has no due date [action-missing-due-date]
        draft.txt:10:1: warning: action 'BC to renew the insurance by 1 May 2023.' is due on 2023-05-01, before the meeting on 2023-06-12 [due-date-before-meeting]

        """)
        #expect(r.stderr == "1 error, 3 warnings, 0 notes in 1 file\n")
        #expect(r.status == 1, "an error-severity finding fails the check")
    }

    /// "Action: to obtain …" says what to do, not who: the line is the action and it has no owner.
    @Test func aTaskAfterTheActionMarkerHasNoOwner() throws {
        let text = """
        Parish Council
        Minutes of the meeting held on 12 June 2023

        Present: Cllr A Burke (AB), Cllr B Cole (BC)

        1. Pavilion
        The roof of the pavilion leaks.
        Action: to obtain three quotes for the roof by 30 June 2023.
        The gate is broken.
        Action: BC

        """
        let dir = try folder(["roof.txt": text])
        let r = try cli.run("minutes", ["validate", "roof.txt"], in: dir)
        #expect(r.stdout == """
        roof.txt:8:9: warning: action 'to obtain three quotes for the roof by 30 June 2023.' has no owner [action-missing-owner]
        roof.txt:9:1: warning: action 'The gate is broken.' has no due date [action-missing-due-date]

        """)
        #expect(r.status == 0)
    }

    @Test func warningsPassUnlessFailOnWarning() throws {
        let dir = try folder(["clean.txt": Self.clean, "warn.txt": Self.clean + "Cllr Cole agreed to check the invoices.\n"])
        let ok = try cli.run("minutes", ["validate", "clean.txt"], in: dir)
        #expect(ok.status == 0)
        #expect(ok.stdout == "")
        #expect(ok.stderr == "0 errors, 0 warnings, 0 notes in 1 file\n")
        let warned = try cli.run("minutes", ["validate", "warn.txt"], in: dir)
        #expect(warned.status == 0)
        #expect(warned.stdout == "warn.txt:9:1: warning: action 'Cllr Cole agreed to check the invoices.' has no due date [action-missing-due-date]\n")
        let strict = try cli.run("minutes", ["validate", "--fail-on", "warning", "warn.txt"], in: dir)
        #expect(strict.status == 1)
    }

    @Test func jsonHasTheSameFindings() throws {
        let dir = try folder(["draft.txt": Self.draft])
        let r = try cli.run("minutes", ["validate", "--format", "json", "draft.txt"], in: dir)
        #expect(r.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["errors"] as? Int == 1)
        #expect(json["warnings"] as? Int == 3)
        let files = try #require(json["files"] as? [[String: Any]])
        let findings = try #require(files.first?["diagnostics"] as? [[String: Any]])
        #expect(findings.map { $0["code"] as? String } == ["action-missing-due-date", "action-owner-unknown", "action-missing-due-date", "due-date-before-meeting"])
        #expect(findings[1]["severity"] as? String == "error")
        #expect(findings[1]["line"] as? Int == 8)
        #expect(findings[1]["column"] as? Int == 1)
    }

    @Test func anUnreadableFileDoesNotStopTheOthers() throws {
        let dir = try folder(["draft.txt": Self.draft])
        let r = try cli.run("minutes", ["validate", "missing.txt", "draft.txt"], in: dir)
        #expect(r.status == 66)
        #expect(r.stderr.hasPrefix("minutes: missing.txt: no such file; check the path\n"))
        #expect(r.stdout.contains("draft.txt:8:1: error:"))
    }

    @Test func missingMeetingDateIsAWarning() throws {
        let dir = try folder(["undated.txt": "1. Apologies\nNone.\n"])
        let r = try cli.run("minutes", ["validate", "undated.txt"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("undated.txt: warning: the header gives no meeting date; pass it with --meeting-date YYYY-MM-DD so relative dates can be resolved [meeting-date-missing]\n"))
        let dated = try cli.run("minutes", ["validate", "--meeting-date", "2023-06-12", "undated.txt"], in: dir)
        #expect(!dated.stdout.contains("meeting-date-missing"))
    }

    @Test func extractCarriesTheSameDiagnostics() throws {
        let dir = try folder(["draft.txt": Self.draft])
        let r = try cli.run("extract", ["draft.txt"], in: dir)
        let json = try cli.json(r.stdout)
        let codes = (json["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
        #expect(codes == ["action-missing-due-date", "action-owner-unknown", "action-missing-due-date", "due-date-before-meeting"])
    }
}
