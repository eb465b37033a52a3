import Foundation
import GRDB
import Testing

/// Motions and remote attendance in the SQLite store and in `validate`.
@Suite struct MotionStoreTests {
    let cli = CLITests()

    static let minutes = """
    Wexley Parish Council
    Minutes of the meeting held on 3 March 2024

    Present: Cllr A Eden (Chair), Cllr B Frost (via Zoom), Cllr C Ross, Cllr D Shah

    1. Grants
    Proposed by Cllr Eden, seconded by Cllr Frost, that the grant be paid; carried 6 votes to 2, with 1 abstention.

    2. Parking
    Cllr Ross moved, and Cllr Shah seconded, that the Council object to the charges.
    For: Cllrs Eden and Ross.
    Against: Cllr Shah.
    The motion was carried.

    3. Lights
    Proposed by Cllr Ross, seconded by Cllr Shah, that the lights be replaced.

    """

    @Test func sqliteHasTheMotionColumnsRecordedVotesAndRemote() throws {
        let dir = try cli.temporaryFolder()
        try Self.minutes.write(to: dir.appendingPathComponent("m.txt"), atomically: true, encoding: .utf8)
        _ = try cli.run("minutes", ["extract", "m.txt", "--sqlite", "m.db", "--quiet"], in: dir)
        let db = try DatabaseQueue(path: dir.appendingPathComponent("m.db").path)
        let rows = try db.read { try Row.fetchAll($0, sql: """
            SELECT proposer, proposer_person, seconder, seconder_person, votes_for, votes_against, votes_abstain, unanimous, outcome
            FROM decisions ORDER BY line
            """) }
        #expect(rows.count == 3)
        #expect(rows.first?["proposer"] == "Cllr Eden")
        #expect(rows.first?["proposer_person"] == "P1")
        #expect(rows.first?["seconder"] == "Cllr Frost")
        #expect(rows.first?["votes_for"] == 6)
        #expect(rows.first?["votes_against"] == 2)
        #expect(rows.first?["votes_abstain"] == 1)
        #expect(rows.first?["outcome"] == "carried")
        #expect((rows.last?["outcome"] as String?) == nil)
        let votes = try db.read { try Row.fetchAll($0, sql: "SELECT text, vote FROM recorded_votes ORDER BY rowid") }
        #expect(votes.map { "\($0["text"] as String? ?? "")=\($0["vote"] as String? ?? "")" } == ["Eden=for", "Ross=for", "Cllr Shah=against"])
        let remote = try db.read { try String.fetchAll($0, sql: """
            SELECT p.name FROM attendance a JOIN people p ON p.document_id = a.document_id AND p.person = a.person WHERE a.remote = 1
            """) }
        #expect(remote == ["B Frost"])
    }

    @Test func validateWarnsOnAMotionWithNoOutcome() throws {
        let dir = try cli.temporaryFolder()
        try Self.minutes.write(to: dir.appendingPathComponent("m.txt"), atomically: true, encoding: .utf8)
        let r = try cli.run("minutes", ["validate", "m.txt"], in: dir)
        #expect(r.stdout == """
        m.txt:16:1: warning: motion 'Proposed by Cllr Ross, seconded by Cllr Shah, that the ligh…' was proposed or voted on, but the minutes do not say whether it was carried, lost or withdrawn [decision-vote-unclear]

        """)
        #expect(r.status == 0, "a warning does not fail the check")
    }
}
