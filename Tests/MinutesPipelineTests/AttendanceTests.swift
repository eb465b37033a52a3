import BundledRules
import Foundation
import MinutesCore
import MinutesRules
import Testing
@testable import MinutesPipeline

/// People and attendance for each style real minutes use (names changed).
@Suite struct AttendanceTests {
    static let pipeline = Pipeline(rules: try! RuleBook.bundled())

    func extract(_ text: String, path: String = "t.txt") throws -> MinutesDocument {
        try Self.pipeline.extract(bytes: Array(text.utf8), path: path, context: Context(meetingDate: "2023-03-15"))
    }

    /// `name:status` for every attendance record, in document order.
    func attendance(_ text: String, path: String = "t.txt") throws -> [String] {
        let doc = try extract(text, path: path)
        let names = Dictionary(uniqueKeysWithValues: doc.people.map { ($0.id, $0.name) })
        return doc.attendance.map { a in
            var s = "\(names[a.person]!):\(a.status.rawValue)"
            if let f = a.substituteFor { s += ">\(names[f]!)" }
            return s
        }
    }

    /// Registers as real minutes write them (`docs/LAYOUTS.md`).
    @Test(arguments: [
        // A flattened header: the register runs on inside the meeting line.
        ("KESTREL PARK AUTHORITY Minutes of the board held on 3 May 2004 at 10am Present: Ann Bell (Chair), Tom Hale In Attendance: Sue Carr, Clerk Apologies: Ian Webb\n",
         ["Ann Bell:present", "Tom Hale:present", "Sue Carr:in-attendance", "Ian Webb:apologies"]),
        ("Present were Mr D Bishop (Chairman), Mrs L Human and Mrs S Blyth.\n",
         ["D Bishop:present", "L Human:present", "S Blyth:present"]),
        ("1. Apologies: C Grey, K Ross (by email).\n2. Minutes\n", ["C Grey:apologies", "K Ross:apologies"]),
        ("Present:   Steve Bell (Chair), Mary Hale(Secretary),  John Hale., Cllr. Emma Knox\n",
         ["Steve Bell:present", "Mary Hale:present", "John Hale:present", "Emma Knox:present"]),
        ("Present: Cllr. Rowe (Chairman) Cllr. Blewett Cllr. Butcher Mrs Thorne (Clerk)\n",
         ["Rowe:present", "Blewett:present", "Butcher:present", "Thorne:present"]),
        ("Apologies:- T.Burns, D.M.Jones\n\nThe Chair welcomed everyone.\n", ["T. Burns:apologies", "D.M. Jones:apologies"]),
        ("Other Members Present: P J Bateson J Campbell T J Catherwood Mrs C Elattar\n\nThe meeting began.\n",
         ["P J Bateson:present", "J Campbell:present", "T J Catherwood:present", "C Elattar:present"]),
        // A column of full names flattened with nothing between them.
        ("WESTMERE TRUST Minutes of the Board held on 3 May 2017 Members: Alan Yates Julie Dawes Jon Allen Dr Lesley Stevens In Attendance: Chris Ash Mark Morgan Paul Streat\n",
         ["Alan Yates:present", "Julie Dawes:present", "Jon Allen:present", "Lesley Stevens:present",
          "Chris Ash:in-attendance", "Mark Morgan:in-attendance", "Paul Streat:in-attendance"]),
    ])
    func registersOfRealMinutes(_ text: String, _ expected: [String]) throws {
        #expect(try attendance(text) == expected)
    }

    func person(_ doc: MinutesDocument, _ name: String) -> Person? {
        doc.people.first { $0.name == name }
    }

    @Test func oneNamePerLineWithHonorificsRolesAndArrival() throws {
        let text = """
        Present:
        Dr M Varga (Chairman)
        Cllr Mrs T Cole
        Cllr P Lund (arrived at 7.20pm)

        In attendance:
        Jo Price – Parish Clerk/Responsible Finance Officer
        Sam Reed\tLocum Clerk

        1. Apologies
        None.
        """
        #expect(try attendance(text) == ["M Varga:present", "T Cole:present", "P Lund:present", "Jo Price:in-attendance", "Sam Reed:in-attendance"])
        let doc = try extract(text)
        #expect(person(doc, "M Varga")?.honorific == "Dr")
        #expect(person(doc, "M Varga")?.role == "Chairman")
        #expect(person(doc, "T Cole")?.honorific == "Cllr Mrs")
        #expect(person(doc, "Jo Price")?.role == "Parish Clerk/Responsible Finance Officer")
        #expect(doc.attendance.first { doc.people.first(where: { $0.name == "P Lund" })?.id == $0.person }?.arrived == "19:20")
    }

    @Test func commaSeparatedWithOrganisationsAndSubstituteMarker() throws {
        let text = """
        Members present: Cllr M Abbott, North Vale District Council; Cllr R Shah, Dene Borough Council; Cllr A Franey (substitute), Dene Borough Council and Cllr B Ince
        Also present: Roger Hale – Police and Crime Commissioner, Chief Constable Ann Dyer, Ch Supt Ben Ross
        """
        #expect(try attendance(text) == ["M Abbott:present", "R Shah:present", "A Franey:substitute", "B Ince:present",
                                         "Roger Hale:in-attendance", "Ann Dyer:in-attendance", "Ben Ross:in-attendance"])
        let doc = try extract(text)
        #expect(person(doc, "M Abbott")?.organisation == "North Vale District Council")
        #expect(person(doc, "Roger Hale")?.role == "Police and Crime Commissioner")
        #expect(person(doc, "Ann Dyer")?.honorific == "Chief Constable")
        #expect(person(doc, "Ben Ross")?.honorific == "Ch Supt")
    }

    @Test func apologiesInProse() throws {
        #expect(try attendance("Apologies were received from Councillors Ann Grey and Tom Hale.\n") == ["Ann Grey:apologies", "Tom Hale:apologies"])
        #expect(try attendance("Apologies for absence were received from Cllr Dale\n") == ["Dale:apologies"])
        #expect(try attendance("""
            3. Apologies for absence
            Cllr P Marsh and Cllr J Rowe (family commitment), Cllr A Lund (work commitment) and Cllr H Allsopp (leave). The meeting accepted these reasons.
            """) == ["P Marsh:apologies", "J Rowe:apologies", "A Lund:apologies", "H Allsopp:apologies"])
    }

    /// A numbered "Present" item whose list opens with its group ("Councillors,")
    /// and goes on after a full stop with a label ("Also:"); a web page's bold
    /// heading run into the first name ("ApologiesCllr").
    @Test func registersUnderNumberedItemsAndRunTogetherHeadings() throws {
        #expect(try attendance("""
            Minutes of the Community Council meeting held on Tuesday, 19th July 2022.

            1          Present

            Councillors, Mr Tim Owen (Chair), Mrs Sian Barton & Mr J Alun Foulkes (Clerk). Also: County Councilor Mr Arfon Wyn

            2          Welcome

            The Chair welcomed everyone.
            """) == ["Tim Owen:present", "Sian Barton:present", "J Alun Foulkes:present", "Arfon Wyn:in-attendance"])
        #expect(try attendance("""
            Housing Board
            Present
            Alan Marsh (Chair)

            1. / ApologiesCllr Ron Bell, Cllr Tim Cox, Carol Hall
            2. / Minutes
            """) == ["Alan Marsh:present", "Ron Bell:apologies", "Tim Cox:apologies", "Carol Hall:apologies"])
    }

    /// A register table with an attendance column and no heading; posts with their
    /// holders in brackets under a bare "Officers" line; a role in brackets that wraps.
    @Test func registerTablesPostsWithHoldersAndWrappedRoles() throws {
        #expect(try attendance("""
            ASHGROVE PRIMARY SCHOOL
            MINUTES OF THE FULL GOVERNING BODY held on 11 February 2025

            | Name                | Initials | Category         | Attendance            |
            |---------------------|----------|------------------|-----------------------|
            | Mrs Joanna Pendry   | JP       | Co-opted (Chair) | Present               |
            | Mr Declan Furlong   | DF       | Local Authority  | Present (from 6.25pm) |
            | Mrs Sian Waldock    | SW       | Parent           | Apologies – consented |
            | Mr Tobias Renshaw   | TR       | Co-opted         | Absent                |

            Also present: Mrs Gail Pettigrew (Clerk to Governors); Mr Ravi Khatri (School
            Business Manager, for item 6)

            1. Welcome
            """) == ["Joanna Pendry:present", "Declan Furlong:present", "Sian Waldock:apologies", "Tobias Renshaw:absent",
                      "Gail Pettigrew:in-attendance", "Ravi Khatri:in-attendance"])
        #expect(try attendance("""
            Fire Authority
            Minutes of the meeting held on 12 December 2024

            Present:
            R Ellerby (Chair)
            Councillors
            J Ackroyd
            Officers
            Chief Fire Officer (N Halstead), Treasurer (F Marchetti)

            1. Apologies
            None.
            """) == ["R Ellerby:present", "J Ackroyd:present", "N Halstead:in-attendance", "F Marchetti:in-attendance"])
    }

    /// Two registers side by side, laid out with spaces.
    @Test func presentAndApologiesSideBySide() throws {
        #expect(try attendance("""
            THORNLEIGH CRICKET CLUB
            Annual General Meeting – Sunday 17th November 2024

            Present:                         Apologies:
            Ian Prothero (Chairman)          Kevin Ashworth
            Tom Fairclough (Treasurer)       Dev Mistry
            Sam Okoro
            Martin Haigh

            1. Welcome
            """) == ["Ian Prothero:present", "Kevin Ashworth:apologies", "Tom Fairclough:present", "Dev Mistry:apologies",
                      "Sam Okoro:present", "Martin Haigh:present"])
    }

    @Test func noApologiesAndNoAbsences() throws {
        let doc = try extract("1. Apologies\nNo apologies were received.\n\n2. Absences\nThere were no absences.\n")
        #expect(doc.attendance.isEmpty)
        #expect(doc.people.isEmpty)
    }

    @Test func substitutesInProseLinkWhoTheyStoodInFor() throws {
        let text = """
        Apologies were received from Councillor Ellis and Councillor Moss.
        Councillor Khan substituted for Councillor Ellis.
        Councillor R Vaughan Price attended in place of Councillor Moss.
        """
        #expect(try attendance(text) == ["Ellis:apologies", "Moss:apologies", "Khan:substitute>Ellis", "R Vaughan Price:substitute>Moss"])
    }

    @Test func substituteNotesBesideListedNames() throws {
        let text = """
        Core Attendees
        - Greg Lawson, Chief Operating Officer (GL)
        - Declan Moore, Deputy Chief Operating Officer (DM) – deputising for GL
        - Chris Ellery (substitute for Cllr Ray)
        """
        #expect(try attendance(text) == ["Greg Lawson:present", "Declan Moore:substitute>Greg Lawson", "Chris Ellery:substitute>Ray"])
    }

    @Test func lateArrivalInProseKeepsThePersonPresent() throws {
        let text = "Present:\nCllr A Hale\nCllr B Ives\n\n6. Planning\nCllr Hale left the meeting at 8.40pm. Cllr Jones arrived at 7.35pm during item 6.\n"
        let doc = try extract(text)
        #expect(try attendance(text) == ["A Hale:present", "B Ives:present", "Jones:present"])
        let hale = try #require(person(doc, "A Hale"))
        #expect(doc.attendance.first { $0.person == hale.id }?.left == "20:40")
    }

    @Test func aCoreAttendeeWhoSentApologiesIsApologies() throws {
        let text = "Core Attendees\n- Jane Gardner, Deputy Commissioner (JG)\n- Roger Hirst, Commissioner (RH)\n\nApologies\n- Jane Gardner, Deputy Commissioner\n"
        #expect(try attendance(text) == ["Roger Hirst:present", "Jane Gardner:apologies"])
    }

    @Test func honorificsAreNotNames() throws {
        let text = "Present: Cty Cllr P Ruffles, Mayor Dorothy Thornhill, Sir Alan Pike, Dame Eve Lord, Lady Ann Holt, Prof K Imre, Det Supt Ben Ross, DCC Rachel Ambrose, ACC Tom Gillow, Cllr Dr Omar Hadi\n"
        let doc = try extract(text)
        #expect(doc.people.map(\.name) == ["P Ruffles", "Dorothy Thornhill", "Alan Pike", "Eve Lord", "Ann Holt", "K Imre", "Ben Ross", "Rachel Ambrose", "Tom Gillow", "Omar Hadi"])
        #expect(doc.people.map { $0.honorific ?? "" } == ["Cty Cllr", "Mayor", "Sir", "Dame", "Lady", "Prof", "Det Supt", "DCC", "ACC", "Cllr Dr"])
    }

    @Test func aPersonMerelyMentionedIsAPersonNotAnAttendee() throws {
        let doc = try extract("Present:\nCllr A Burke\n\n1. Matters arising\nCllr John Russell would continue to attend the forum.\n")
        #expect(doc.people.map(\.name) == ["A Burke", "John Russell"])
        #expect(doc.attendance.count == 1)
    }

    @Test func mentionsMergeIntoOnePersonWithInitials() throws {
        let doc = try extract("Present:\nCouncillor Andrew Burke (AB)\n\n1. Budget\nCllr Burke asked about reserves. Action: AB\n")
        #expect(doc.people.count == 1)
        #expect(doc.people.first?.name == "Andrew Burke")
        #expect(doc.people.first?.initials == "AB")
    }

    @Test func initialsAreComputedWhereNotGiven() throws {
        let doc = try extract("Present:\nCllr Mrs E J G Hilson\nCllr Ms F Harvey-Smith\nCllr Burke\n")
        #expect(doc.people.map { $0.initials ?? "-" } == ["EJGH", "FHS", "-"])
    }

    @Test func ambiguousSurnameIsReportedNotGuessed() throws {
        let doc = try extract("Present:\nCllr D Patel\nCllr R Patel\n\n1. Parking\nCllr Patel raised the matter of parking.\n")
        #expect(doc.people.map(\.name) == ["D Patel", "R Patel"])
        let diagnostic = try #require(doc.diagnostics.first { $0.code == .personAmbiguous })
        #expect(diagnostic.message == "'Cllr Patel' could be D Patel or R Patel; it is left unresolved")
        #expect(diagnostic.span?.line == 6)
    }

    @Test func htmlRegisterTable() throws {
        let html = """
        <html><body><h3>Attendance</h3><table>
        <tr><th>Name</th><th>Role</th><th>Organisation</th><th>Attendance</th></tr>
        <tr><td>Gwen Tasker</td><td>Chair</td><td>Independent</td><td>Present</td></tr>
        <tr><td>Beth Carrow</td><td>Engagement Lead</td><td>Hadley Rowe LLP</td><td>Apologies</td></tr>
        <tr><td>Sunil Dass</td><td>Audit Manager</td><td>Hadley Rowe LLP</td><td>Deputising for Beth Carrow</td></tr>
        </table></body></html>
        """
        #expect(try attendance(html, path: "t.html") == ["Gwen Tasker:present", "Beth Carrow:apologies", "Sunil Dass:substitute>Beth Carrow"])
    }
}

@Suite struct RosterTests {
    func entry(_ name: String, initials: String? = nil, at start: Int = 0) -> Roster.Entry {
        Roster.Entry(name: PersonName(name)!, initials: initials, span: Span(start: start, end: start + 1, line: 1), rule: "test")
    }

    @Test func initialsResolveToOnePersonOrAreAmbiguous() {
        var roster = Roster()
        _ = roster.add(entry("Vicki Harrington", initials: "VH"))
        _ = roster.add(entry("John Smith", at: 5))
        _ = roster.add(entry("Mark Jones", initials: "MJ", at: 9))
        _ = roster.add(entry("Mary James", initials: "MJ", at: 12))
        #expect(roster.resolve(initials: "VH") == .person(0))
        #expect(roster.resolve(initials: "JS") == .person(1))
        #expect(roster.resolve(initials: "MJ") == .ambiguous([2, 3]))
        #expect(roster.resolve(initials: "ZZ") == .unknown)
    }

    @Test func namesMergeBySurnameAndFirstInitial() {
        var roster = Roster()
        #expect(roster.add(entry("A Burke")) == .person(0))
        #expect(roster.add(entry("Andrew Burke", at: 3)) == .person(0))
        #expect(roster.add(entry("Burke", at: 4)) == .person(0))
        #expect(roster.add(entry("R Burke", at: 5)) == .person(1))
        #expect(roster.add(entry("Burke", at: 6)) == .ambiguous([0, 1]))
        #expect(roster.entries[0].name.text == "Andrew Burke")
    }
}
