import Foundation
import GRDB
import Testing

/// A bulk run survives any one document: one that traps, hangs or grows
/// without end costs that document only, in every output mode. The test build
/// injects the faults (`FaultInjection`: a document holding MINUTES-FAULT-…).
extension BulkTests {
    static let faults = ["trap", "hang", "memory"]
    /// The budget given to the workers: short, so the hanging document costs
    /// little, with room for a sanitizer build's own memory (the growing
    /// document takes up to 16 GB) and for a loaded machine (at a load of
    /// seven a core, the growing document took more than 5 s to reach 1 GB and
    /// was stopped for time). A thread-sanitizer build is slower and larger
    /// still: run it with MINUTES_TEST_TIMEOUT=30 MINUTES_TEST_MAX_MEMORY=8192.
    static let seconds = ProcessInfo.processInfo.environment["MINUTES_TEST_TIMEOUT"] ?? "10"
    static let megabytes = ProcessInfo.processInfo.environment["MINUTES_TEST_MAX_MEMORY"] ?? "1024"
    static let budget = ["--timeout", seconds, "--max-memory", megabytes]

    /// 20 good documents with the three faulty ones among them.
    func faultyArchive() throws -> URL {
        let dir = try cli.temporaryFolder()
        let archive = dir.appendingPathComponent("arch")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        let seed = try Data(contentsOf: URL(fileURLWithPath: CLITests.seed))
        for i in 0..<20 {
            // Each good document differs, so the store keeps twenty rows.
            try (seed + Data("\nDocument \(i).\n".utf8)).write(to: archive.appendingPathComponent(String(format: "d%02d.txt", i)))
        }
        for (i, fault) in Self.faults.enumerated() {
            try Data("Parish Council\nMINUTES-FAULT-\(fault.uppercased())\n".utf8)
                .write(to: archive.appendingPathComponent(String(format: "d%02d-%@.txt", 5 * i + 3, fault)))
        }
        return dir
    }

    static let expectedErrors = [
        "arch/d03-trap.txt": "extractor-crashed", "arch/d08-hang.txt": "time-limit", "arch/d13-memory.txt": "memory-limit",
    ]

    @Test(arguments: [["--jobs", "1"], ["--jobs", "2"]])
    func jsonlWritesEveryOtherDocumentAndOneRecordPerFault(_ jobs: [String]) throws {
        let dir = try faultyArchive()
        let r = try cli.run("minutes", ["extract", "arch", "--jsonl", "--quiet"] + jobs + Self.budget, in: dir)
        #expect(r.status == 1)
        let lines = try r.stdout.split(separator: "\n").map { try cli.json(String($0)) }
        #expect(lines.count == 23)
        var errors: [String: String] = [:]
        for line in lines {
            if let error = line["error"] as? [String: Any] { errors[line["path"] as? String ?? ""] = error["code"] as? String }
        }
        #expect(errors == Self.expectedErrors)
        #expect(r.stderr.contains("""
            minutes: arch/d03-trap.txt: the extractor crashed on this document (signal 4, SIGILL): Swift/ContiguousArrayBuffer.swift
            """))
        #expect(r.stderr.contains("minutes: arch/d08-hang.txt: extraction ran past \(Self.seconds) s and was stopped; the run went on without this document. Split the file, or allow more time with --timeout\n"))
        #expect(r.stderr.contains("minutes: arch/d13-memory.txt: extraction took more than \(Self.megabytes) MB of memory and was stopped; the run went on without this document. Split the file, or allow more with --max-memory\n"))
    }

    @Test func outputDirWritesEveryOtherDocument() throws {
        let dir = try faultyArchive()
        let r = try cli.run("minutes", ["extract", "arch", "--output-dir", "out", "--quiet"] + Self.budget, in: dir)
        #expect(r.status == 1)
        let written = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        #expect(written.count == 20)
        #expect(written.allSatisfy { !$0.contains("-") && $0.hasSuffix(".json") })
        #expect(r.stderr.hasSuffix("23 inputs read, 20 extracted, 3 failed\n"))
    }

    /// The store records the faults with their bytes' hash; --resume does not try them again.
    @Test func sqliteRecordsTheFaultsAndResumeSkipsThem() throws {
        let dir = try faultyArchive()
        let first = try cli.run("minutes", ["extract", "arch", "--sqlite", "m.db", "--quiet"] + Self.budget, in: dir)
        #expect(first.status == 1)
        let db = try DatabaseQueue(path: dir.appendingPathComponent("m.db").path)
        let rows = try db.read { try Row.fetchAll($0, sql: "SELECT path, code, sha256 FROM errors ORDER BY path") }
        #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0["path"] as String, $0["code"] as String) }) == Self.expectedErrors)
        #expect(rows.allSatisfy { ($0["sha256"] as String?)?.count == 64 })
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM documents") } == 20)
        let resumed = try cli.run("minutes", ["extract", "arch", "--sqlite", "m.db", "--resume"] + Self.budget, in: dir)
        #expect(resumed.status == 0)
        #expect(resumed.stderr == "0 inputs read, 0 extracted, 0 failed, 23 already stored\n")
    }

    /// One bad record costs one record.
    @Test func jsonlInputLosesOnlyTheFaultyRecord() throws {
        let input = """
            {"id": "a", "text": "1. Apologies\\n   Agreed.\\n"}
            {"id": "b", "text": "MINUTES-FAULT-TRAP"}
            {"id": "c", "text": "A grant of £500."}

            """
        let r = try cli.run("minutes", ["extract", "--jsonl-input", "-", "--quiet"], stdin: Data(input.utf8))
        #expect(r.status == 1)
        let lines = try r.stdout.split(separator: "\n").map { try cli.json(String($0)) }
        #expect(lines.count == 3)
        #expect((lines[0]["source"] as? [String: Any])?["path"] as? String == "a")
        #expect((lines[1]["error"] as? [String: Any])?["code"] as? String == "extractor-crashed")
        #expect(lines[1]["path"] as? String == "b")
        #expect((lines[2]["amounts"] as? [[String: Any]])?.count == 1)
    }

    @Test func budgetOptionsAreChecked() throws {
        let dir = try faultyArchive()
        let timeout = try cli.run("minutes", ["extract", "arch", "--jsonl", "--timeout", "0"], in: dir)
        #expect(timeout.status == 64)
        #expect(timeout.stderr.contains("--timeout takes a number of seconds above 0, e.g. --timeout 60 (got 0.0)"))
        let memory = try cli.run("minutes", ["extract", "arch", "--jsonl", "--max-memory", "10"], in: dir)
        #expect(memory.status == 64)
        #expect(memory.stderr.contains("--max-memory takes megabytes, 64 or more, e.g. --max-memory 4096 (got 10)"))
    }
}
