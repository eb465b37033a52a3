import Foundation
import GRDB
import Testing

/// Bulk runs over an archive with nested folders and a broken file.
@Suite struct BulkTests {
    let cli = CLITests()

    /// An archive: two minutes in nested folders, an HTML page, a binary file, and a non-minutes file.
    func archive() throws -> URL {
        let dir = try cli.temporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("archive/2023/june"), withIntermediateDirectories: true)
        try "Parish Council\nMinutes of the meeting held on 12 June 2023\n\n1. Finance\nThe Clerk to write to the bank by 30 June.\nA grant of £500 was agreed.\n"
            .write(to: dir.appendingPathComponent("archive/2023/june/parish.txt"), atomically: true, encoding: .utf8)
        try "Town Council\nMinutes of the meeting held on 5 May 2023\n\n1. Apologies\nApologies were received from Cllr Dale.\n"
            .write(to: dir.appendingPathComponent("archive/2023/town.txt"), atomically: true, encoding: .utf8)
        try "<html><body><h1>Board</h1><p>Minutes of the meeting held on 1 March 2023</p><h2>1. Welcome</h2><p>Noted.</p></body></html>"
            .write(to: dir.appendingPathComponent("archive/board.html"), atomically: true, encoding: .utf8)
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]).write(to: dir.appendingPathComponent("archive/2023/broken.txt"))
        try "not minutes".write(to: dir.appendingPathComponent("archive/notes.pdf"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func outputDirMirrorsTheTreeAndBrokenFilesDoNotStopTheRun() throws {
        let dir = try archive()
        let r = try cli.run("minutes", ["extract", "archive", "--output-dir", "out"], in: dir)
        #expect(r.status == 1, "a failed input makes the run's status 1")
        #expect(r.stderr == """
            minutes: archive/2023/broken.txt: this looks like a binary file, not text (control byte at offset 6); convert it to plain text (for a PDF, run pdftotext) and try again
            4 inputs read, 3 extracted, 1 failed

            """)
        let fm = FileManager.default
        for path in ["out/board.json", "out/2023/town.json", "out/2023/june/parish.json"] {
            #expect(fm.fileExists(atPath: dir.appendingPathComponent(path).path), "\(path)")
        }
        #expect(!fm.fileExists(atPath: dir.appendingPathComponent("out/2023/broken.json").path))
        let parish = try cli.json(String(contentsOf: dir.appendingPathComponent("out/2023/june/parish.json"), encoding: .utf8))
        #expect((parish["source"] as? [String: Any])?["path"] as? String == "archive/2023/june/parish.txt")
        // No temporary files are left behind.
        let all = fm.enumerator(atPath: dir.appendingPathComponent("out").path)?.allObjects as? [String] ?? []
        #expect(all.filter { $0.hasSuffix(".json") }.count == 3)
        #expect(all.allSatisfy { !$0.contains("tmp") })
    }

    @Test func jsonlIsInInputOrderWhateverTheJobs() throws {
        let dir = try archive()
        let serial = try cli.run("minutes", ["extract", "archive", "--jsonl", "--jobs", "1"], in: dir)
        let parallel = try cli.run("minutes", ["extract", "archive", "--jsonl", "--jobs", "4"], in: dir)
        #expect(serial.stdout == parallel.stdout)
        let lines = serial.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let paths = try lines.map { line -> String in
            let json = try cli.json(line)
            return (json["source"] as? [String: Any])?["path"] as? String ?? (json["path"] as? String ?? "")
        }
        #expect(paths == ["archive/2023/broken.txt", "archive/2023/june/parish.txt", "archive/2023/town.txt", "archive/board.html"])
        let error = try cli.json(lines[0])["error"] as? [String: Any]
        #expect(error?["code"] as? String == "bad-input")
    }

    @Test func filesFromStandardInput() throws {
        let dir = try archive()
        let list = "archive/2023/town.txt\narchive/missing.txt\n"
        let r = try cli.run("minutes", ["extract", "--files-from", "-", "--jsonl"], stdin: Data(list.utf8), in: dir)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1] == #"{"error":{"code":"no-input","message":"no such file; check the path"},"path":"archive/missing.txt"}"#)
    }

    @Test func jsonlInputFilter() throws {
        let input = """
        {"id": "a", "text": "Minutes of the meeting held on 5 May 2021\\n\\n1. Apologies\\nNone.\\n"}
        {"id": "b", "text": "A grant of £500."}

        """
        let r = try cli.run("minutes", ["extract", "--jsonl-input", "-", "--quiet"], stdin: Data(input.utf8))
        #expect(r.status == 0)
        #expect(r.stderr == "")
        let docs = try r.stdout.split(separator: "\n").map { try cli.json(String($0)) }
        #expect(docs.map { ($0["source"] as? [String: Any])?["path"] as? String } == ["a", "b"])
        #expect((docs[0]["meeting"] as? [String: Any])?["date"] as? String == "2021-05-05")
        #expect((docs[1]["amounts"] as? [[String: Any]])?.first?["text"] as? String == "£500")
    }

    @Test func sqliteTablesResumeAndNoDuplicates() throws {
        let dir = try archive()
        let first = try cli.run("minutes", ["extract", "archive", "--sqlite", "m.db", "--quiet"], in: dir)
        #expect(first.status == 1)
        let db = try DatabaseQueue(path: dir.appendingPathComponent("m.db").path)
        func count(_ table: String) throws -> Int { try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 } }
        #expect(try count("documents") == 3)
        #expect(try count("errors") == 1)
        #expect(try count("actions") == 1)
        #expect(try count("action_owners") == 1)
        #expect(try count("amounts") == 1)
        let noDue = try db.read { try String.fetchAll($0, sql: """
            SELECT a.text FROM actions a JOIN action_owners o ON o.action_id = a.id WHERE o.text = 'Clerk' AND a.due_date IS NOT NULL
            """) }
        #expect(noDue == ["The Clerk to write to the bank by 30 June."])
        // Again without --resume: replaced, not duplicated. With --resume: skipped.
        _ = try cli.run("minutes", ["extract", "archive", "--sqlite", "m.db", "--quiet"], in: dir)
        #expect(try count("documents") == 3)
        #expect(try count("actions") == 1)
        let resumed = try cli.run("minutes", ["extract", "archive", "--sqlite", "m.db", "--resume"], in: dir)
        #expect(resumed.stderr.hasSuffix("1 input read, 0 extracted, 1 failed, 3 already stored\n"))
        #expect(try count("documents") == 3)
    }

    @Test func usageErrors() throws {
        let dir = try archive()
        let r = try cli.run("minutes", ["extract", "archive"], in: dir)
        #expect(r.status == 64)
        #expect(r.stderr.contains("several inputs need somewhere to go: --output-dir DIR, --jsonl or --sqlite FILE"))
        let resume = try cli.run("minutes", ["extract", "archive", "--jsonl", "--resume"], in: dir)
        #expect(resume.status == 64)
    }

    @Test func ctrlCStopsCleanlyWithNoHalfWrittenFile() throws {
        let dir = try cli.temporaryFolder()
        let seed = try String(contentsOfFile: CLITests.seed, encoding: .utf8)
        let archive = dir.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        for i in 0..<150 {
            try seed.write(to: archive.appendingPathComponent(String(format: "m%03d.txt", i)), atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = CLITests.binaries.appendingPathComponent("minutes")
        process.arguments = ["extract", "archive", "--output-dir", "out", "--jobs", "1", "--quiet"]
        process.currentDirectoryURL = dir
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 1.0)
        process.interrupt()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let written = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)) ?? []
        #expect(process.terminationStatus == 130)
        #expect(stderr.hasSuffix("; interrupted\n"))
        #expect(written.count < 150)
        // Whatever was written is whole JSON, and no temporary file is left behind.
        for name in written {
            #expect(name.hasSuffix(".json"), "\(name)")
            let data = try Data(contentsOf: dir.appendingPathComponent("out").appendingPathComponent(name))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name)")
        }
    }
}
