import BundledRules
import MinutesCore
import MinutesRules
import MinutesText
import Testing
@testable import MinutesPipeline

/// The segmenter's tree, printed, for each layout the seeds and corpus-dev use.
@Suite struct SegmentTests {
    static let pipeline = Pipeline(rules: try! RuleBook.bundled())

    func tree(_ text: String, path: String = "t.txt") throws -> String {
        let input = try Loader.load(bytes: Array(text.utf8), path: path)
        let analysis = Self.pipeline.analyse(input)
        return TreePrinter.print(analysis.tree, analysis.text)
    }

    func items(_ text: String) throws -> [String] {
        try Self.pipeline.extract(bytes: Array(text.utf8), path: "t.txt").items.map { "\($0.number) \($0.title)" }
    }

    @Test(arguments: [
        ("77.\nApologies for Absence\n\nNone.\n\n78.\nMinutes\n\nAgreed.\n", ["77 Apologies for Absence", "78 Minutes"]),
        ("39/20 APOLOGIES FOR ABSENCE\nNone.\n\n40/20 Minutes\nAgreed.\n", ["39/20 APOLOGIES FOR ABSENCE", "40/20 Minutes"]),
        ("C048/23 Declarations of interest\nNone.\n\nC049/23 Planning\nNone.\n", ["C048/23 Declarations of interest", "C049/23 Planning"]),
        ("21.44 ELECTION OF CHAIR\nCllr A was elected.\n\n21.45 APOLOGIES\nNone.\n", ["21.44 ELECTION OF CHAIR", "21.45 APOLOGIES"]),
        ("Item 3: Police and Crime Plan\nNoted.\n\nItem 4 - Budget\nNoted.\n", ["3 Police and Crime Plan", "4 Budget"]),
        ("1 INTRODUCTION AND WELCOME\nThe chair opened.\n\n2 MINUTES\nAgreed.\n", ["1 INTRODUCTION AND WELCOME", "2 MINUTES"]),
        ("1. Apologies\nNone.\n\n2. Date of next meeting\nTo be confirmed.\n", ["1 Apologies", "2 Date of next meeting"]),
    ])
    func numberingStyles(_ text: String, _ expected: [String]) throws {
        #expect(try items(text) == expected)
    }

    /// Numbering styles of real minutes (`docs/LAYOUTS.md`): references of several
    /// parts, numbers alone on their line, titles running on into the minute.
    @Test(arguments: [
        ("108/19/TC Apologies\nNone.\n\n109/19/TC Declarations of Interest\nNone.\n", ["108/19/TC Apologies", "109/19/TC Declarations of Interest"]),
        ("GBP/2122/214: Welcome\nNoted.\n\nGBP/2122/215: Questions\nNone.\n", ["GBP/2122/214 Welcome", "GBP/2122/215 Questions"]),
        ("AM119\nElection of Mayor\nCllr A was elected.\n\nAM219\nDeputy Mayor\nCllr B was elected.\n", ["AM119 Election of Mayor", "AM219 Deputy Mayor"]),
        ("1. Apologies: C Grey, K Ross.\n2. Minutes of the previous meeting were read and approved.\n3. Correspondence: none.\n",
         ["1 Apologies", "2 Minutes of the previous meeting", "3 Correspondence"]),
        ("507 MEMBERS' DECLARATIONS OF INTEREST No declarations were made.\n\n508 POLICING MATTERS No officers attended.\n",
         ["507 MEMBERS' DECLARATIONS OF INTEREST", "508 POLICING MATTERS"]),
        ("1          Present\nCllr A.\n\n2          Apologies\nCllr B.\n", ["1 Present", "2 Apologies"]),
        ("*450 Minutes\nRESOLVED that they be signed.\n\n*451 Announcements\nNone.\n", ["450 Minutes", "451 Announcements"]),
        ("70/15 / Opening Prayer\n1. / The prayer was led by the Revd Ann Cole.\n72/15 / Elect Chair\n2.\n3. / The Clerk asked for nominations.\n",
         ["70/15 Opening Prayer", "72/15 Elect Chair"]),
        ("1: Apologies\nNone.\n2: Minutes\nSigned.\n", ["1 Apologies", "2 Minutes"]),
        ("Agenda Items\n1 Election of Chair\nTo elect a Chair.\n177\n\nRESOLVED that Cllr Ann Bell be Chair.\n\n"
         + "2 Apologies for Absence\nTo receive any apologies.\n178\nApologies were received from Cllr Tom Hale.\n",
         ["177 Election of Chair", "178 Apologies for Absence"]),
    ])
    func numberingStylesOfRealMinutes(_ text: String, _ expected: [String]) throws {
        #expect(try items(text) == expected)
    }

    /// A document flattened into one line is read as the lines it would have had.
    @Test func aFlattenedDocumentIsCutBeforeItsItemNumbers() throws {
        let filler = String(repeating: "The board heard a long report on the year's work and asked questions about it. ", count: 4)
        let text = "Westmere Health Board Minutes of the meeting held on 3 May 2022 Present: Ann Bell, Tom Hale "
            + "1. Welcome 1.1. The Chair opened the meeting. \(filler)2. Apologies for Absence 2.1. Apologies were noted from Sue Carr. "
            + "3. Declarations of Interest 3.1. None were declared. 4. Questions from the Public 4.1. None had been received. \(filler)\n"
        #expect(try items(text) == ["1 Welcome", "2 Apologies for Absence", "3 Declarations of Interest", "4 Questions from the Public"])
        // Two numbers that say "Item" are enough.
        let items2 = "Kelby Community Council Minutes of meeting held on Tuesday 21st January 2020 Present: Ann Bell, Tom Hale "
            + "Item 1. Welcome/apologies. The Chair opened the meeting. \(filler)Item 2. Minutes of November meeting. "
            + "The minutes were adopted. \(filler)\n"
        #expect(try items(items2) == ["1 Welcome/apologies", "2 Minutes of November meeting"])
        // A long line whose numbers do not run in sequence is left whole.
        let prose = "In 2019. 3 members met. " + filler + "Costs rose by 7. Figures for 12. Members noted it.\n"
        #expect(try items(prose) == [])
    }

    /// Headings of another style complete the chosen numbering where their
    /// numbers fall in order between its items; elsewhere they are text.
    @Test func headingsOfAnotherStyleFillGapsInTheNumbering() throws {
        let text = "1          Present\nCllr A.\n\n2 Apologies\nNone.\n\n3. Welcome: the Chair opened the meeting.\n\n"
            + "4 To declare any personal or prejudicial interest.\nNone.\n\n5. Minutes: approved.\n\n"
            + "6. Finance: the accounts were noted.\n1 Bank charges\n\n7. Close: the meeting closed at 9pm.\n"
        #expect(try items(text) == ["1 Present", "2 Apologies", "3 Welcome", "4 To declare any personal or prejudicial interest",
                                    "5 Minutes", "6 Finance", "7 Close"])
        // The loose forms alone are no numbering style.
        #expect(try items("2 Apologies\nNone.\n\n3 Minutes\nApproved.\n") == [])
        // A decimal fills a gap only where the items are numbered in decimals.
        #expect(try items("3. Police: a report.\n3.1 The officer gave the figures\n4. Roads: the verge.\n") == ["3 Police", "4 Roads"])
    }

    /// A Word export indented with tabs, each item hanging from its minute
    /// number ("05/115<tab>DECLARATIONS OF INTEREST"), its text on lines that
    /// open with one tab or more: prose and items, not one table of two columns.
    @Test func aTabIndentedExportHangsItsItemsFromTheirNumbers() throws {
        var text = "PRESENT:\tCllr A Dale, Cllr B Ross\n\n"
        for n in 14...19 {
            text += "05/1\(n)\tITEM NUMBER \(n)\n\tMembers considered the report on the\n\t\tmatter and the letter from the county.\n\n"
        }
        #expect(try items(text) == (14...19).map { "05/1\($0) ITEM NUMBER \($0)" })
        // Two columns side by side stay a table: a reference and its action, a tab between texts.
        let log = "1\tWrite to the county\n2\tMend the fence\n3\tBook the hall\n"
        #expect(try tree(log).contains("table"))
    }

    /// A committee system's "No. | Item" table, each row's minutes below it:
    /// every row is an item, though only the first follows the header.
    @Test func anItemTableWithItsMinutesBetweenTheRows() throws {
        var text = "Minutes of the Pensions Committee, 12 March 2019\n\n| No. | Item |\n|---|---|\n"
        for n in 41...44 {
            text += "| \(n). | Item number \(n)\nMinutes: The committee noted the report on the\nfund's position.\n|\n\n"
        }
        #expect(try items(text) == (41...44).map { "\($0) Item number \($0)" })
        // A table of numbered rows with no item header stays a table.
        #expect(try items("Minutes of the meeting\n\n| 1 | Write to the county |\n| 2 | Mend the fence |\n") == [])
    }

    @Test func numberedPointsInsideAnItemAreNotItems() throws {
        let text = "5. Budget\nRESOLVED:\n1. That the report be noted.\n2. That the Clerk writes to the bank.\n\n6. Any other business\nNone.\n"
        #expect(try items(text) == ["5 Budget", "6 Any other business"])
    }

    /// A PDF text layer's table laid out with spaces: its rows are a table (not
    /// items), cut where the header's cells start, a wrapped cell's line among them;
    /// an action log read from it.
    @Test func aTableLaidOutWithSpaces() throws {
        let text = """
        7. Close
        The meeting closed at 7.52pm.

        SUMMARY OF ACTIONS
        No.  Action                                          Who      When
        1    Letter to TR on attendance expectations         Clerk    by next meeting
        2    Absence breakdown by year group and             LT       25.03.25
             disadvantage
        3    Annual safeguarding audit                       HA       end of March
        """
        #expect(try items(text) == ["7 Close"])
        #expect(try tree(text).contains("""
            row [7] (4 cells)
              cell [7] "2"
              cell [7] "Absence breakdown by year group and"
              cell [7] "LT"
              cell [7] "25.03.25"
            row [8] (4 cells)
              cell [8] ""
              cell [8] "disadvantage"
              cell [8] ""
              cell [8] ""
        """))
        let doc = try Self.pipeline.extract(bytes: Array(text.utf8), path: "t.txt")
        #expect(doc.actions.map(\.text) == ["Letter to TR on attendance expectations", "Absence breakdown by year group and", "Annual safeguarding audit"])
        #expect(doc.actions.map { $0.owners.map(\.text) } == [["Clerk"], ["LT"], ["HA"]])
    }

    /// A bullet's hanging indent carries its entry on to the next line.
    @Test func aBulletWithAHangingIndentIsOneEntry() throws {
        #expect(try tree("1. Finance\n   • Accounts approved, all in\n     favour.\n   • TF to get the accounts checked by\n     31st January. ACTION: TF\n\n2. Close\n") == """
        item 1 "Finance" [1-5]
          list [2-5] (2 entries)
            list-item [2-3] "• Accounts approved, all in favour."
            list-item [4-5] "• TF to get the accounts checked by 31st January. ACTION: TF"
        item 2 "Close" [7]

        """)
    }

    /// Prose with two spaces after its full stops is not a table.
    @Test func proseWithDoubleSpacesIsNotATable() throws {
        let text = "1. Welcome\nThe Chair opened the meeting.  She welcomed all.  Apologies were read.\nThe Clerk read the notice.  Members noted it.  No questions.\nThe minutes were signed.  The accounts were noted.  All agreed.\n"
        #expect(try !tree(text).contains("table"))
    }

    @Test func pipeTableWithRuledLine() throws {
        #expect(try tree("| Ref | Action | Owner |\n|-----|:------:|-------|\n| 1 | Write to the council | Clerk |\n") == """
        header [1-3]
          table [1-3] (2 rows)
            row [1] (3 cells)
              cell [1] "Ref"
              cell [1] "Action"
              cell [1] "Owner"
            row [3] (3 cells)
              cell [3] "1"
              cell [3] "Write to the council"
              cell [3] "Clerk"

        """)
    }

    @Test func tabTable() throws {
        #expect(try tree("Ref\tAction\tOwner\n1\tWrite to the council\tClerk\n") == """
        header [1-2]
          table [1-2] (2 rows)
            row [1] (3 cells)
              cell [1] "Ref"
              cell [1] "Action"
              cell [1] "Owner"
            row [2] (3 cells)
              cell [2] "1"
              cell [2] "Write to the council"
              cell [2] "Clerk"

        """)
    }

    @Test func htmlTable() throws {
        let html = "<html><body><table><tr><th>Ref</th><th>Owner</th></tr><tr><td>1</td><td>Clerk</td></tr></table></body></html>"
        #expect(try tree(html, path: "t.html") == """
        header [1]
          table [1] (2 rows)
            row [1] (2 cells)
              cell [1] "Ref"
              cell [1] "Owner"
            row [1] (2 cells)
              cell [1] "1"
              cell [1] "Clerk"

        """)
    }

    @Test func resolutionAndActionBlocks() throws {
        #expect(try tree("1. Budget\nThe report was discussed.\nRESOLVED that the report be noted.\nAction: Clerk\n") == """
        item 1 "Budget" [1-4]
          paragraph [2] "The report was discussed."
          resolution resolution "RESOLVED" [3]
            paragraph [3] "that the report be noted."
          action action "Action" [4]
            paragraph [4] "Clerk"

        """)
    }
}
