import BundledRules
import Foundation
import MinutesCore
import MinutesRules
import Testing
@testable import MinutesPipeline

/// Decisions and actions in the forms real minutes use (wording changed).
@Suite struct DecisionActionTests {
    static let pipeline = Pipeline(rules: try! RuleBook.bundled())

    func extract(_ text: String, path: String = "t.txt", date: String = "2023-04-18") throws -> MinutesDocument {
        try Self.pipeline.extract(bytes: Array(text.utf8), path: path, context: Context(meetingDate: date))
    }

    func decisions(_ text: String) throws -> [String] {
        try extract(text).decisions.map { "\($0.kind.rawValue): \($0.text)" }
    }

    // MARK: Decisions

    @Test func resolvedSentenceAndNumberedLists() throws {
        #expect(try decisions("5. Budget\nRESOLVED: That the report be noted.\n") == ["resolved: That the report be noted."])
        #expect(try decisions("5. Budget\nResolved –\n1) That the report be noted.\n2) That the Clerk writes to the bank.\n")
            == ["resolved: That the report be noted.", "resolved: That the Clerk writes to the bank."])
        #expect(try decisions("5. Budget\nRESOLVED that:\n(a) the grant be paid;\n(b) the accounts be approved.\n")
            == ["resolved: the grant be paid;", "resolved: the accounts be approved."])
        #expect(try decisions("5. Budget\nResolved\n\ni. That the allowance be increased.\nii. That the scheme be published.\n")
            == ["resolved: That the allowance be increased.", "resolved: That the scheme be published."])
    }

    /// A text layer that lost the space after a full stop ("agreed.Showing")
    /// still ends the sentence there; two verbs of assent make a decision.
    @Test func runOnFullStopsAndAcceptedAndAgreed() throws {
        #expect(try decisions("""
            1. Treasurer's report
            The report was circulated before the meeting which was accepted and agreed.Showing a surplus of £22K
            Of the extra spending it was agreed to go ahead with the fence.
            Apologies from Mr Hale were received and
            accepted.
            """) == [
            "agreed: The report was circulated before the meeting which was accepted and agreed.",
            "agreed: Showing a surplus of £22K\nOf the extra spending it was agreed to go ahead with the fence.",
        ])
    }

    /// Verdicts as small bodies and boards write them: a planning response alone,
    /// a verdict after a dash, a label after a dash, "RESOLVED." closing its
    /// sentence, trustees as the body, "(unanimously)" in brackets.
    @Test func verdictsAfterDashesLabelsAndBodies() throws {
        #expect(try decisions("""
            5. Planning
            24/01822/HOUS  14 Mill Rise – single storey rear extension. No objection.
            C24/0130/FUL - Barn conversion, Tyddyn Coch - the Council
            objected on the grounds of highway safety. RESOLVED.
            6. Grants
            (a) Hall heating, £38,000 - APPROVED for submission.
            (b) Chapel windows, £17,500 - DEFERRED to the March meeting pending a survey.
            4.2 Grit bins - Agreed: to ask for two additional bins at the school gate.
            Trustees NOTED the report.
            It was RESOLVED (unanimously) that the minutes be approved.
            The accounts were checked by the examiner. Report noted.
            """) == [
            "agreed: No objection.",
            "resolved: C24/0130/FUL - Barn conversion, Tyddyn Coch - the Council\nobjected on the grounds of highway safety. RESOLVED.",
            "approved: (a) Hall heating, £38,000 - APPROVED for submission.",
            "deferred: (b) Chapel windows, £17,500 - DEFERRED to the March meeting pending a survey.",
            "agreed: to ask for two additional bins at the school gate.",
            "noted: Trustees NOTED the report.",
            "resolved: It was RESOLVED (unanimously) that the minutes be approved.",
            "noted: Report noted.",
        ])
    }

    /// Clubs, church councils and parish meetings: a short verdict with its
    /// proposer and seconder, elections, a show of hands, a body written in capitals.
    @Test func verdictsWithProposersElectionsAndShowsOfHands() throws {
        #expect(try decisions("""
            2. Minutes
            Accepted as a true record – proposed Martin Haigh,
            seconded Nadeem Qureshi.
            3. Officers
            President – Oliver Brandreth was elected unopposed to succeed Derek Lomax.
            1st XI captain: Jack Haigh (unopposed).
            4. Accounts
            Their approval was proposed by Mrs E Birkett, seconded by Mr T Nelson, and agreed by a show of hands.
            The PCC resolved to accept the quotation of £1,240 for the electrical test.
            Governors ratified the Charging and Remissions Policy.
            """) == [
            "approved: Accepted as a true record – proposed Martin Haigh,\nseconded Nadeem Qureshi.",
            "agreed: President – Oliver Brandreth was elected unopposed to succeed Derek Lomax.",
            "agreed: 1st XI captain: Jack Haigh (unopposed).",
            "agreed: Their approval was proposed by Mrs E Birkett, seconded by Mr T Nelson, and agreed by a show of hands.",
            "resolved: The PCC resolved to accept the quotation of £1,240 for the electrical test.",
            "approved: Governors ratified the Charging and Remissions Policy.",
        ])
    }

    /// A proposal whose motion stands between proposer and seconder is its whole sentence.
    @Test func motionsBetweenProposerAndSeconder() throws {
        let doc = try extract(Self.attendance + """
            7. Grants
            Councillor Hume moved that a grant of £500 be made to the scouts, seconded by Councillor Sayer.
            On being put to the vote the motion was LOST (2 for, 4 against).

            8. Footpaths
            An amendment by JS, seconded by VH, to award the full £1,200 was put to a show of hands and fell (2 for, 4 against).
            """)
        #expect(doc.decisions.map(\.text) == [
            "Councillor Hume moved that a grant of £500 be made to the scouts, seconded by Councillor Sayer.",
            "An amendment by JS, seconded by VH, to award the full £1,200 was put to a show of hands and fell (2 for, 4 against).",
        ])
        #expect(doc.decisions.map { $0.outcome?.rawValue ?? "-" } == ["lost", "lost"])
        #expect(doc.decisions.map { $0.proposer?.text ?? "-" } == ["Councillor Hume", "JS"])
    }

    @Test func resolvedInProse() throws {
        #expect(try decisions("3. Mayor\nOn the motion of Cllr Lamb, the Council RESOLVED to elect Councillor Ormerod as Mayor.\n")
            == ["resolved: On the motion of Cllr Lamb, the Council RESOLVED to elect Councillor Ormerod as Mayor."])
        #expect(try decisions("3. Lights\nThe quotes were compared. RESOLVED to lease the lights for three years.\n")
            == ["resolved: RESOLVED to lease the lights for three years."])
        #expect(try decisions("3. Grants\nAfter discussion it was RESOLVED that the grant be awarded.\n")
            == ["resolved: After discussion it was RESOLVED that the grant be awarded."])
    }

    @Test func recommendationsAdopted() throws {
        #expect(try decisions("4. Precept\nRECOMMENDATIONS\n\n1. That the Panel supports the precept.\n2. That the Commissioner reports in June.\n")
            == ["recommended: That the Panel supports the precept.", "recommended: That the Commissioner reports in June."])
    }

    @Test func agreedNotedApprovedRejectedDeferred() throws {
        let text = """
        2. Minutes
        The minutes of the meeting held on 21 March 2023 were confirmed as a correct record and signed.

        3. Work programme
        It was agreed that a session on road safety be held in July.
        Agreed.

        4. Report
        The Panel noted the report.
        Noted

        5. Policy
        The Committee approved the revised policy.

        6. Motion
        The amendment, to refer the motion to the Scrutiny Committee, was put to the vote and lost.

        7. Application
        Consideration of the application was DEFERRED to allow a site visit.
        """
        #expect(try decisions(text) == [
            "approved: The minutes of the meeting held on 21 March 2023 were confirmed as a correct record and signed.",
            "agreed: It was agreed that a session on road safety be held in July.",
            "agreed: Agreed.",
            "noted: The Panel noted the report.",
            "noted: Noted",
            "approved: The Committee approved the revised policy.",
            "rejected: The amendment, to refer the motion to the Scrutiny Committee, was put to the vote and lost.",
            "deferred: Consideration of the application was DEFERRED to allow a site visit.",
        ])
    }

    @Test func resolvedMarkersWithDashesAndCommas() throws {
        #expect(try decisions("7. Planning\nResolved:- no objection.\n") == ["resolved: no objection."])
        #expect(try decisions("7. Planning\nRESOLVED: - That the application be refused.\n")
            == ["resolved: That the application be refused."])
        #expect(try decisions("7. Accounts\nRESOLVED, that the accounts be paid.\n") == ["resolved: that the accounts be paid."])
        #expect(try decisions("7. Grants\nresolved:- (i) to pay the grant of £250; (ii) to write to the applicant.\n")
            == ["resolved: to pay the grant of £250;", "resolved: to write to the applicant."])
    }

    @Test func pointsUnderALeadInWithWrappedLines() throws {
        let text = """
        8. Bus plan
        It was RESOLVED that:
        (a) the allocation of £2m set out in Appendix 1 be
        approved;
        (b) a progress report be brought to the Committee in May.

        9. Budget
        Decision:
        Cabinet resolved to:
        1. note the forecast gap of £3m;
        2. approve the savings proposals for public
        consultation.
        Reasons for the decision:
        The budget must be set by March.
        Alternative options considered:
        To do nothing. Rejected because the law requires a budget.

        10. Grants
        Resolved – That grants be made as follows:
        (i) Hillside Scouts – £300 towards tents;
        (ii) Village Hall – £500 towards the roof.
        The Clerk to notify both groups.
        """
        #expect(try decisions(text) == [
            "resolved: the allocation of £2m set out in Appendix 1 be\napproved;",
            "resolved: a progress report be brought to the Committee in May.",
            "noted: note the forecast gap of £3m;",
            "approved: approve the savings proposals for public\nconsultation.",
            "resolved: Hillside Scouts – £300 towards tents;",
            "resolved: Village Hall – £500 towards the roof.",
        ])
    }

    @Test func aResolutionEndsWhereTheItemGoesOn() throws {
        #expect(try decisions("5. Finance\na) The payments were presented.\nRESOLVED: that the payments be approved.\nb) The RFO reported the balance.\n")
            == ["resolved: that the payments be approved."])
        #expect(try decisions("6. Topics\nResolved\nThat the following be considered at the next meeting:\n• Road safety\n• Missing persons\n")
            == ["resolved: That the following be considered at the next meeting:"])
    }

    @Test func recordsPaymentsAndRecommendations() throws {
        let text = """
        2. Minutes
        THE MINUTES of the previous meeting were read, approved and signed.

        3. Accounts
        All accounts were received and agreed for payment.

        4. Speed survey
        The results for May were circulated – noted.

        5. Code
        RECOMMENDED to Council that the revised Code be adopted from 1 May.

        6. Car park
        Resurfacing of the car park was deferred to the next meeting.
        """
        #expect(try decisions(text) == [
            "approved: THE MINUTES of the previous meeting were read, approved and signed.",
            "approved: All accounts were received and agreed for payment.",
            "noted: The results for May were circulated – noted.",
            "recommended: RECOMMENDED to Council that the revised Code be adopted from 1 May.",
            "deferred: Resurfacing of the car park was deferred to the next meeting.",
        ])
    }

    @Test func aDecisionToldUnderDecisionAndMinutesIsOne() throws {
        let text = """
        4. Minutes of the last meeting
        To approve the minutes of the meeting held on 2 May.
        Decision: That the minutes of the meeting held on 2 May be approved as a correct record.
        Minutes:
        RESOLVED: That the minutes of the meeting held on 2 May be approved as a correct record.
        """
        #expect(try decisions(text) == ["resolved: That the minutes of the meeting held on 2 May be approved as a correct record."])
    }

    @Test func whatSomeoneSaidIsNotADecision() throws {
        let text = """
        2. Update
        The Chairman said that the Panel had agreed the approach last year.
        It was noted that the figures were provisional.
        Cllr Lee asked whether the report would be approved.
        The Clerk reported that the grant had been approved by the Home Office in 2019.
        """
        #expect(try decisions(text) == [])
    }

    @Test func decisionsBelongToTheirItems() throws {
        let doc = try extract("5. Budget\nThe Panel noted the report.\n\n6. Plan\nAgreed.\n")
        #expect(doc.decisions.map(\.item) == ["I5", "I6"])
        #expect(doc.decisions.allSatisfy { !$0.rule.isEmpty })
    }

    // MARK: Actions

    func actions(_ text: String, path: String = "t.txt") throws -> [String] {
        try extract(text, path: path).actions.map { a in
            let owners = a.owners.map { o in o.person.map { "\(o.text)=\($0)" } ?? o.text }.joined(separator: "+")
            return "[\(owners)] \(a.due?.date ?? "-") \(a.status?.rawValue ?? "-") \(a.ref ?? "-")"
        }
    }

    static let attendance = """
    Lydgate Town Council
    Minutes of the meeting held on Tuesday 18 April 2023

    Present:
    Cllr Valerie Hume (VH)
    Cllr Jonathan Sayer (JS)
    Cllr Bridget Tennant

    """

    @Test func inlineActionsAndOwners() throws {
        let text = Self.attendance + """
        1. Highways
        The Clerk to write to the highways department by 30 June.
        Cllr Tennant agreed to contact the Speedwatch coordinator.
        Action: Cllr Tennant
        Members asked that the working group meet two suppliers by the end of May. (Action: VH/JS)
        VH to present a costed options paper to the next meeting.
        ACTION – Clerk

        2. Date of next meeting
        The next meeting will be held on Tuesday 16 May 2023.
        """
        #expect(try actions(text) == [
            "[Clerk] 2023-06-30 - -",
            "[Cllr Tennant=P3] - - -",
            "[VH=P1+JS=P2] 2023-05-31 - -",
            "[Clerk] 2023-05-16 - -",
        ])
        let next = try extract(text).actions[3].due
        #expect(next?.text == "the next meeting")
        #expect(next?.resolved == true)
    }

    /// A marker after the sentence it owns, on the sentence's line: "… full. ACTION – JS",
    /// "… overgrown. VH Action."; each owns its own sentence, never the line above.
    @Test func markersAfterTheirSentence() throws {
        let text = Self.attendance + """
        1. Village
        The litter bin by the shop is full. ACTION – JS
        The hedge on Mill Lane needs cutting. Action: VH
        The verge by the church is overgrown. VH Action.
        Circulate the draft budget. Action – The Clerk Action complete.
        Action ongoing – the contractor has been paid.
        The notice about the fete needs displaying.
        Action: To put the notice on the village board.
        ACTION: Highways team (VH) to report back on the drains.
        """
        let doc = try extract(text)
        #expect(doc.actions.map(\.text) == [
            "The litter bin by the shop is full.",
            "The hedge on Mill Lane needs cutting.",
            "The verge by the church is overgrown.",
            "Circulate the draft budget.",
            "To put the notice on the village board.",
            "Highways team (VH) to report back on the drains.",
        ])
        #expect(try actions(text) == ["[JS=P2] - - -", "[VH=P1] - - -", "[VH=P1] - - -", "[Clerk] - - -", "[] - - -", "[Highways team+VH=P1] - - -"])
    }

    /// Notes as small bodies write them: a name without honorific, initials
    /// after a day, an instruction with no owner, a marker below a paragraph
    /// whose task is not its last sentence, initials closing a line.
    @Test func tasksInNotesAndMarkersBelowParagraphs() throws {
        let text = Self.attendance + """
        1. Village
          • Civic service invite – Roger Blake and wife to attend. VH to reply.
          • Remembrance 3.00pm Sunday 11th JS to check the memorial path is clear.
          • Toll path slippery. Ask contractor for advice on moss killer.
          • Contact details for the hall are on the website.
        - The rose bush has not been planted. It was AGREED that the gardener would be instructed to plant it. Members thanked the resident.
        Action: Clerk
        The question was raised whether the gate should be repaired before the winter VH
        The walk-in centre report had been received and discussed at length by members. JS
        """
        #expect(try extract(text).actions.map(\.text) == [
            "• Civic service invite – Roger Blake and wife to attend.",
            "VH to reply.",
            "• Remembrance 3.00pm Sunday 11th JS to check the memorial path is clear.",
            "Ask contractor for advice on moss killer.",
            "It was AGREED that the gardener would be instructed to plant it.",
            "The question was raised whether the gate should be repaired before the winter VH",
        ])
        #expect(try actions(text) == ["[Roger Blake] - - -", "[VH=P1] - - -", "[JS=P2] - - -", "[] - - -", "[Clerk] - - -", "[VH=P1] - - -"])
    }

    /// Resolutions that direct someone, passives with an owner, a deferral that
    /// leaves work to do, "said she would", a marker naming the points it owns.
    @Test func resolutionsThatDirectAndDeferralsWithWorkToDo() throws {
        let text = Self.attendance + """
        2. Budget
        RESOLVED that:
        (a) the budget be approved;
        (c) the Head of Housing report progress to Cabinet in June 2023.
        It was agreed that the comments be submitted by the Chair and Vice-Chair by 14 May 2023.
        Consideration of the hall lease was DEFERRED to the June meeting pending legal advice.
        Consideration of the draft plan was deferred to the next meeting.
        Cllr Tennant said she would ask the highway authority for a speed survey.
        """
        #expect(try actions(text) == [
            "[Head of Housing] 2023-06 - -",
            "[Chair+Vice-Chair] 2023-05-14 - -",
            "[] 2023-06 - -",
            "[Cllr Tennant=P3] - - -",
        ])
    }

    /// Owners and movers are resolved with the honorifics of `Rules/people/`
    /// ("County Cllr", "Canon", "Sgt"), not a list of the scorer's.
    @Test func ownersResolveWithTheRulesHonorifics() throws {
        let text = """
        Fenby Parish Council
        Minutes of the meeting held on Tuesday 18 April 2023

        Present: Cllr Ann Hale (Chair), Canon Peter Price, County Cllr Ruth Lascelles
        In attendance: Sgt Mark Jones (Police)

        1. Churchyard
        Canon Price agreed to ask the diocese about the wall.
        County Cllr Lascelles said she would ask the highway authority for a survey.
        Sgt Jones agreed to patrol the car park.
        """
        let doc = try extract(text)
        #expect(doc.actions.map { $0.owners.first?.person ?? "-" } == ["P2", "P3", "P4"])
    }

    /// Future tense and undertakings name whoever will act.
    @Test func futureTenseAndUndertakings() throws {
        let text = Self.attendance + """
        1. Transport
        The Clerk will make the payment by BACS.
        The Chief Officer undertook to circulate the figures.
        Rota - the clerk would draw up a rota for the summer.
        JS and VH to attend the forum.
        The Clerk said that the bus company had replied.
        Cllr Tennant reported that she had written to the school.
        """
        #expect(try actions(text) == ["[Clerk] - - -", "[Chief Officer] - - -", "[clerk] - - -", "[JS=P2+VH=P1] - - -"])
    }

    @Test func undertakingsAndRequests() throws {
        let text = """
        Northmoor Police and Crime Panel
        Minutes of the meeting held on 25 January 2018

        4. Precept
        The PCC undertook to share the data on repeat victims with members.
        Mrs Lowe agreed to return with an outline of the proposed model at the meeting on 22 March 2018.
        The Panel asked the Commissioner to provide a breakdown of the reserves by the end of March.
        """
        #expect(try actions(text) == ["[PCC] - - -", "[Mrs Lowe=P1] 2018-03-22 - -", "[Commissioner] 2018-03-31 - -"])
    }

    @Test func actionLogTabSeparatedWithStatuses() throws {
        let text = """
        Board
        Minutes of the meeting held on 11 July 2019

        Present
        Karen Doyle, Head of Community Safety (KD)
        Nadia Pearce, District Commander (NP)

        3. Action log
        Ref\tAction\tOwner\tDue\tStatus
        22/18\tWrite to the crime unit for a named contact\tKD\t31/08/2019\tCarried forward
        12/19\tCirculate the sharing agreement\tKD\t30/04/2019\tComplete
        30/19\tReport the referral rate\tNP\tNext meeting\tOpen
        31/19\tAgree the protocol\tNP/KD\tASAP\tNew

        4. Date of next meeting
        Thursday 10 October 2019.
        """
        #expect(try actions(text) == [
            "[KD=P1] 2019-08-31 carried-forward 22/18",
            "[KD=P1] 2019-04-30 complete 12/19",
            "[NP=P2] 2019-10-10 open 30/19",
            "[NP=P2+KD=P1] - open 31/19",
        ])
        #expect(try extract(text).actions[3].due?.text == "ASAP")
    }

    @Test func actionLogPipeSeparatedInAnyColumnOrder() throws {
        let text = """
        No. | Lead | Action | By when | Update
        ----|------|--------|---------|-------
        AG22/01 | Head of Internal Audit | Follow up the fleet recommendations | end of June | New
        AG22/02 | Treasurer | Provide the slippage breakdown | ongoing | In progress
        """
        #expect(try actions(text) == ["[Head of Internal Audit] 2023-06-30 open AG22/01", "[Treasurer] - open AG22/02"])
    }

    @Test func actionLogInHTMLWithParagraphsInCells() throws {
        let html = """
        <html><body><h2>26. Action log</h2>
        <table><tr><th>No.</th><th>Action</th><th>Owner</th><th>Deadline</th><th>Status</th></tr>
        <tr><td>HWB 15</td><td><p>Circulate the winter plan</p><p>to all Board members &amp; partners</p></td><td>Director of Adult Social Care</td><td>31 July 2020</td><td>Complete</td></tr>
        </table></body></html>
        """
        let doc = try extract(html, path: "t.html")
        #expect(doc.actions.count == 1)
        // The text is the cell's, from the original markup (spans point into the original).
        #expect(doc.actions.first?.text == "Circulate the winter plan</p><p>to all Board members &amp; partners")
        #expect(try actions(html, path: "t.html") == ["[Director of Adult Social Care] 2020-07-31 complete HWB 15"])
    }

    @Test func ambiguousInitialsAreNotGuessed() throws {
        let text = "Present:\nMark Jones (MJ)\nMary James (MJ)\n\n1. Orders\nMJ to confirm the order by 31 July.\n"
        let doc = try extract(text)
        #expect(doc.actions.first?.owners == [ActionOwner(text: "MJ", person: nil)])
        #expect(doc.diagnostics.contains { $0.code == .personAmbiguous && $0.message == "action owner 'MJ' could be Mark Jones or Mary James; it is left unresolved" })
    }
}

@Suite struct WordsTests {
    /// The ASCII path gives what splitting into characters gives.
    @Test func asciiWordsAreTheCharacterWords() {
        let texts = [
            "RH to write to the Clerk by 30 June 2017; (action: VH/RH).",
            "Cllr O'Neill-Smith\r\nagreed\tto circulate   the £5k report",
            "", "   ", "a", "A1b2 C3", "end.", "x_y z-9",
        ]
        for text in texts {
            #expect(Text.words(text) == Text.graphemeWords(text), "\(text)")
        }
        #expect(Text.words("RH to write, by 30 June.") == ["rh", "to", "write", "by", "30", "june"])
        #expect(Text.words("Café £5 naïve") == ["café", "5", "naïve"])  // not ASCII: by characters
    }
}
