import Foundation
import Testing

/// `minutes evaluate --coverage`: what came back empty or doubtful, without gold.
@Suite struct CoverageTests {
    let cli = CLITests()

    func folder(_ files: [String: String]) throws -> URL {
        let dir = try cli.temporaryFolder()
        for (name, text) in files {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        return dir
    }

    @Test func aDocumentWithNothingFoundHasEveryFinding() throws {
        let dir = try folder(["prose.txt": "We walked along the river and talked about the weather.\n"])
        let r = try cli.run("minutes", ["evaluate", "--coverage", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        for code in ["no-title", "no-date", "no-register", "no-items", "no-decisions"] {
            #expect(r.stdout.contains("prose.txt: \(code): "), "\(code) missing in \(r.stdout)")
        }
        #expect(r.stdout.contains("1 documents"))
    }

    @Test func skippedItemNumbersAndALoneRegisterNameAreDoubtful() throws {
        let text = """
            WESTLEIGH PARISH COUNCIL
            Minutes of the meeting held on 3 March 2022 at 7pm

            Present: Cllr Ann Bell

            1. Apologies
            None.

            2. Minutes
            RESOLVED that the minutes be approved.

            4. Finance
            The payments were noted. The next review is on 3 March 2031.

            """
        let dir = try folder(["westleigh.txt": text])
        let r = try cli.run("minutes", ["evaluate", "--coverage", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("westleigh.txt:4: single-name-register: "), "\(r.stdout)")
        #expect(r.stdout.contains("westleigh.txt:12: item-numbers-skip: item numbers skip: 2 → 4"), "\(r.stdout)")
        #expect(r.stdout.contains("westleigh.txt:13: date-far-from-meeting: '3 March 2031'"), "\(r.stdout)")
        #expect(!r.stdout.contains("westleigh.txt: no-title"), "\(r.stdout)")
        #expect(!r.stdout.contains("no-decisions:"), "\(r.stdout)")
    }

    @Test func jsonGivesTheSameFindingsAndTotals() throws {
        let dir = try folder(["a.txt": "Nothing here at all.\n", "b.txt": "Still nothing here.\n"])
        let r = try cli.run("minutes", ["evaluate", "--coverage", dir.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let totals = try #require(json["totals"] as? [String: Int])
        #expect(totals["no-items"] == 2)
        let documents = try #require(json["documents"] as? [[String: Any]])
        #expect(documents.count == 2)
        let codes = (documents[0]["findings"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
        #expect(codes.contains("no-register"))
    }

    @Test func oneUnreadableDocumentIsReportedAndTheRestAreRead() throws {
        let dir = try folder(["good.txt": "Present: Ann Bell, Tom Hale\n", "bad.txt": ""])
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64)).write(to: dir.appendingPathComponent("bad.txt"))
        let r = try cli.run("minutes", ["evaluate", "--coverage", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.txt: "), "\(r.stderr)")
        #expect(r.stdout.contains("good.txt: attendance 2"), "\(r.stdout)")
    }

    @Test func aFolderWithoutInputsIsAUsageError() throws {
        let dir = try folder(["notes.md": "# nothing"])
        let r = try cli.run("minutes", ["evaluate", "--coverage", dir.path])
        #expect(r.status == 66)
        #expect(r.stderr.contains("no .txt, .html or .htm inputs here"))
    }
}
