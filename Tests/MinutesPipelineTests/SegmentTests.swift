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

    @Test func numberedPointsInsideAnItemAreNotItems() throws {
        let text = "5. Budget\nRESOLVED:\n1. That the report be noted.\n2. That the Clerk writes to the bank.\n\n6. Any other business\nNone.\n"
        #expect(try items(text) == ["5 Budget", "6 Any other business"])
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
