import BundledRules
import Foundation
import MinutesCore
import MinutesRules
import Testing
@testable import MinutesPipeline

/// The motion behind decisions and remote attendance, in the wordings real
/// minutes use (names invented).
@Suite struct MotionTests {
    static let pipeline = Pipeline(rules: try! RuleBook.bundled())

    static let header = """
    Wexley Parish Council
    Minutes of the meeting held on 3 March 2024

    Present: Cllr A Eden (Chair), Cllr B Frost, Cllr C Ross, Cllr D Shah, Mrs E Ward, Mr F Lowe


    """

    func extract(_ body: String) throws -> MinutesDocument {
        try Self.pipeline.extract(bytes: Array((Self.header + body).utf8), path: "t.txt", context: Context(meetingDate: "2024-03-03"))
    }

    /// One line a decision: kind, text, and the motion fields found.
    func motions(_ body: String) throws -> [String] {
        try extract(body).decisions.map { d in
            var parts = ["\(d.kind.rawValue): \(d.text)"]
            if let p = d.proposer { parts.append("proposer \(p.text)=\(p.person ?? "-")") }
            if let s = d.seconder { parts.append("seconder \(s.text)=\(s.person ?? "-")") }
            if let v = d.votes { parts.append("votes \(v.inFavour.map(String.init) ?? "-")/\(v.against.map(String.init) ?? "-")/\(v.abstain.map(String.init) ?? "-")") }
            if d.unanimous == true { parts.append("unanimous") }
            if let r = d.recordedVotes { parts.append("division " + r.map { "\($0.text)=\($0.vote.rawValue)" }.joined(separator: ",")) }
            if let o = d.outcome { parts.append(o.rawValue) }
            return parts.joined(separator: " | ")
        }
    }

    /// An election: a nomination with no "that" clause is a decision where
    /// nothing resolves it; where a resolution follows in the item, that is the
    /// one decision.
    @Test func onTheProposalOf() throws {
        let found = try motions("3. Grants\nOn the proposal of Cllr Ross, seconded by Cllr Shah, it was agreed that the grant of £200 be paid to the Scouts.\n")
        #expect(found.count == 1)
        #expect(found.first?.contains("that the grant of £200 be paid to the Scouts") == true)
        #expect(found.first?.contains("proposer Cllr Ross=") == true)
        #expect(found.first?.contains("seconder Cllr Shah=") == true)
    }

    @Test func nominations() throws {
        let alone = try motions("1. Election of Chair\nCllr Ross proposed Cllr Eden as Chair and this was seconded by Cllr Shah.\n")
        #expect(alone.count == 1)
        #expect(alone.first?.hasPrefix("agreed: Cllr Ross proposed Cllr Eden as Chair and this was seconded by Cllr Shah") == true)
        #expect(alone.first?.contains("proposer Cllr Ross=") == true)
        #expect(alone.first?.contains("seconder Cllr Shah=") == true)
        let resolved = try motions("""
        2. Election of Vice-Chair
        Two nominations were received. Cllr Frost was proposed by Cllr Ross and seconded by Cllr Shah; Mrs Ward was proposed by Mr Lowe and seconded by Cllr Eden.

        RESOLVED - That Cllr Frost be appointed Vice-Chair for the year.

        """)
        #expect(resolved.count == 1)
        #expect(resolved.first?.contains("That Cllr Frost be appointed Vice-Chair") == true)
    }

    @Test func proposedBySecondedByIsADecisionOfItsSentence() throws {
        // The sentence, as the other proposals that state what was proposed: the
        // gold of real minutes takes it whole, and a short "that the grant be paid"
        // alone shares too few words with it to be matched.
        #expect(try motions("1. Grants\nProposed by Cllr Eden, seconded by Cllr Frost, that the grant be paid; carried 6 votes to 2.\n")
            == ["agreed: Proposed by Cllr Eden, seconded by Cllr Frost, that the grant be paid; carried 6 votes to 2. | proposer Cllr Eden=P1 | seconder Cllr Frost=P2 | votes 6/2/- | carried"])
    }

    @Test func proposedAndSecondedThenTheMeetingAgreedIsOneDecision() throws {
        let found = try motions("1. Subscription\nMrs Ward proposed and Mr Lowe seconded the payment of the subscription and the meeting unanimously agreed.\n")
        #expect(found == ["agreed: Mrs Ward proposed and Mr Lowe seconded the payment of the subscription and the meeting unanimously agreed. | proposer Mrs Ward=P5 | seconder Mr Lowe=P6 | unanimous | carried"])
        #expect(!found.contains { $0.hasPrefix("agreed: the meeting unanimously agreed") })
    }

    @Test func movedAndSecondedThenLostIsOneRejectedDecision() throws {
        #expect(try motions("1. Climate\nCllr Ross moved, and Cllr Shah seconded, that the Council declare a climate emergency. Members debated the cost. On being put to the vote the motion was LOST (3 for, 6 against).\n")
            == ["rejected: that the Council declare a climate emergency | proposer Cllr Ross=P3 | seconder Cllr Shah=P4 | votes 3/6/- | lost"])
    }

    @Test func labelsAndBracketsNameProposerAndSeconder() throws {
        #expect(try motions("1. Minutes\nRESOLVED that the minutes be approved.\n\nProposer: Cllr Eden   Seconder: Cllr Frost\n")
            == ["resolved: that the minutes be approved. | proposer Cllr Eden=P1 | seconder Cllr Frost=P2 | carried"])
        #expect(try motions("1. Bench\nRESOLVED that the bench be repaired. (Prop. AE, Sec. BF)\n")
            == ["resolved: that the bench be repaired. (Prop. AE, Sec. BF) | proposer AE=P1 | seconder BF=P2 | carried"])
    }

    @Test func voteCountsInTheirCommonForms() throws {
        #expect(try motions("1. Hall\nIt was RESOLVED that the hall be repainted. On being put to the vote the motion was carried (8 for, 2 against, 1 abstention).\n")
            == ["resolved: It was RESOLVED that the hall be repainted. | votes 8/2/1 | carried"])
        #expect(try motions("1. Hall\nIt was RESOLVED that the hall be repainted (5 in favour, 1 abstention).\n")
            == ["resolved: It was RESOLVED that the hall be repainted (5 in favour, 1 abstention). | votes 5/-/1 | carried"])
    }

    @Test func unanimousAndNemCon() throws {
        #expect(try motions("1. Minutes\nThe minutes were approved as a correct record, nem con.\n")
            == ["approved: The minutes were approved as a correct record, nem con. | unanimous | carried"])
        #expect(try motions("1. Hedge\nIt was agreed to cut the hedge; carried unanimously.\n")
            == ["agreed: It was agreed to cut the hedge; carried unanimously. | unanimous | carried"])
    }

    @Test func withdrawnMotion() throws {
        #expect(try motions("1. Lights\nProposed by Cllr Ross, seconded by Cllr Shah, that £500 be given to the lights fund. After discussion the motion was withdrawn.\n")
            == ["agreed: Proposed by Cllr Ross, seconded by Cllr Shah, that £500 be given to the lights fund. | proposer Cllr Ross=P3 | seconder Cllr Shah=P4 | withdrawn"])
    }

    @Test func namedDivisionGivesRecordedVotesAndCounts() throws {
        #expect(try motions("1. Parking\nCllr Ross moved, and Cllr Shah seconded, that the Council object to the charges. A recorded vote was requested.\nFor: Cllrs Eden, Frost and Ross.\nAgainst: Cllr Shah.\nAbstain: none\nThe motion was carried.\n")
            == ["agreed: that the Council object to the charges | proposer Cllr Ross=P3 | seconder Cllr Shah=P4 | votes 3/1/0 | division Eden=for,Frost=for,Ross=for,Cllr Shah=against | carried"])
    }

    @Test func aSeconderWhoIsNoPersonOfTheDocumentHasNoId() throws {
        // Anyone named with an honorific is a person of the document; a post is not.
        #expect(try motions("1. Grants\nProposed by Cllr Quill, seconded by the Chairman, that the grant be paid.\n")
            == ["agreed: Proposed by Cllr Quill, seconded by the Chairman, that the grant be paid. | proposer Cllr Quill=P7 | seconder the Chairman=-"])
    }

    @Test func aProposalWithNoOutcomeIsReported() throws {
        let doc = try extract("1. Grants\nProposed by Cllr Eden, seconded by Cllr Frost, that the grant be paid.\n")
        #expect(doc.diagnostics.filter { $0.code == .decisionVoteUnclear }.count == 1)
        let carried = try extract("1. Grants\nProposed by Cllr Eden, seconded by Cllr Frost, that the grant be paid. Carried.\n")
        #expect(!carried.diagnostics.contains { $0.code == .decisionVoteUnclear })
    }

    @Test func remoteAttendanceByNoteOrSentence() throws {
        let doc = try Self.pipeline.extract(bytes: Array("""
            Wexley Parish Council
            Minutes of the meeting held on 3 March 2024

            Present: Cllr A Eden (Chair), Cllr B Frost (via Zoom), Cllr C Ross, Cllr D Shah (remote)

            Cllr Ross joined remotely.

            """.utf8), path: "t.txt")
        let names = Dictionary(uniqueKeysWithValues: doc.people.map { ($0.id, $0.name) })
        let remote = doc.attendance.filter { $0.remote == true }.compactMap { names[$0.person] }
        #expect(remote == ["B Frost", "C Ross", "D Shah"])
        #expect(doc.attendance.filter { $0.remote == true }.allSatisfy { $0.remoteEvidence != nil })
    }

    @Test func motionFieldsInTheJSONWithTheirEvidenceAndNoneWithoutThem() throws {
        let doc = try extract("1. Grants\nProposed by Cllr Eden, seconded by Cllr Frost, that the grant be paid; carried 6 votes to 2.\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Emitter.json(doc)) as? [String: Any])
        let decision = try #require((object["decisions"] as? [[String: Any]])?.first)
        #expect(decision["proposer"] as? [String: String] == ["text": "Cllr Eden", "person": "P1"])
        #expect(decision["votes"] as? [String: Int] == ["for": 6, "against": 2])
        #expect(decision["outcome"] as? String == "carried")
        #expect(decision["unanimous"] == nil && decision["recorded_votes"] == nil)
        let evidence = try #require(decision["motion_evidence"] as? [[String: Any]])
        #expect(evidence.compactMap { $0["rule"] as? String }
            == ["decision.motion-proposed-by", "decision.motion-carried", "decision.vote-counts"])
        // Every piece of evidence points at its text in the input.
        let text = Array((Self.header + "1. Grants\nProposed by Cllr Eden, seconded by Cllr Frost, that the grant be paid; carried 6 votes to 2.\n").unicodeScalars)
        let read = evidence.compactMap { e -> String? in
            guard let span = e["span"] as? [String: Int], let s = span["start"], let t = span["end"] else { return nil }
            return String(String.UnicodeScalarView(text[s..<t]))
        }
        #expect(read == ["Proposed by Cllr Eden, seconded by Cllr Frost, that the grant be paid", "; carried", "6 votes to 2"])

        let plain = try extract("1. Report\nRESOLVED that the report be noted.\n")
        let json = String(decoding: Emitter.json(plain), as: UTF8.self)
        for key in ["proposer", "seconder", "votes", "unanimous", "recorded_votes", "outcome", "motion_evidence", "remote"] {
            #expect(!json.contains("\"\(key)\""), "no \(key) where the minutes say nothing of it")
        }
    }

    @Test func scorerComparesProposerSeconderVotesAndOutcome() throws {
        let doc = try extract("1. Grants\nProposed by Cllr Eden, seconded by Cllr Frost, that the grant be paid; carried 6 votes to 2.\n")
        let gold = try JSONDecoder().decode(Gold.self, from: Data("""
            {"decisions": [{"text": "Proposed by Cllr Eden, seconded by Cllr Frost, that the grant be paid", "kind": "agreed", "proposer": "Eden", "seconder": "Cllr Ross",
                            "votes": {"for": 6, "against": 2, "abstain": 1}, "outcome": "carried"}]}
            """.utf8))
        let card = Scorer.score(doc, against: gold)
        #expect(card.fields["decisions"] == Counts(matched: 1))
        #expect(card.fields["decisions.proposer"] == Counts(matched: 1), "by name, honorifics aside")
        #expect(card.fields["decisions.seconder"] == Counts(spurious: 1, missed: 1))
        #expect(card.fields["decisions.votes"] == Counts(spurious: 1, missed: 1), "counts must be exact")
        #expect(card.fields["decisions.outcome"] == Counts(matched: 1))
        // A gold file without motions does not score them.
        let plain = try JSONDecoder().decode(Gold.self, from: Data(#"{"decisions": [{"text": "that the grant be paid"}]}"#.utf8))
        #expect(Scorer.score(doc, against: plain).fields["decisions.proposer"] == nil)
    }
}
