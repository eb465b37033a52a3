import Foundation
import Testing

/// The built `minutes` and `extract` executables, run as users run them:
/// exact messages on standard error and the documented exit statuses.
@Suite struct CLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binaries: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if FileManager.default.isExecutableFile(atPath: beside.appendingPathComponent("minutes").path) { return beside }
        return root.appendingPathComponent(".build/debug")
    }()
    static let seed = root.appendingPathComponent("Corpus/dorset-pcp-2017-09-22.txt").path

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ tool: String = "minutes", _ arguments: [String], stdin: Data? = nil, in directory: URL? = nil) throws -> Result {
        try run(at: Self.binaries.appendingPathComponent(tool).path, arguments, stdin: stdin, in: directory)
    }

    /// Runs the program at `path`.
    func run(at path: String, _ arguments: [String], stdin: Data? = nil, in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // A command may stop reading early (--max-bytes): the rest is not written.
        signal(SIGPIPE, SIG_IGN)
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
        try input.fileHandleForWriting.close()
        // Read before waiting, so a large output cannot fill the pipe and block.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Folders made by `temporaryFolder()`, removed when the test is done.
    final class Scratch: @unchecked Sendable {
        var folders: [URL] = []
        deinit { for folder in folders { try? FileManager.default.removeItem(at: folder) } }
    }
    let scratch = Scratch()

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        scratch.folders.append(url)
        return url
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func extractShortNameAndSubcommandGiveTheSameJSON() throws {
        let short = try run("extract", [Self.seed])
        let long = try run("minutes", ["extract", Self.seed])
        #expect(short.status == 0)
        #expect(short.stderr == "")
        #expect(short.stdout == long.stdout)
        let doc = try json(short.stdout)
        #expect(doc["schema"] as? String == "minutes/1")
        #expect((doc["meeting"] as? [String: Any])?["date"] as? String == "2017-09-22")
        #expect(!short.stdout.contains("\n  "), "compact unless --pretty")
        #expect(try run("extract", ["--pretty", Self.seed]).stdout.contains("\n  \""))
    }

    @Test func standardInput() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.seed))
        let piped = try run("extract", ["-"], stdin: data)
        #expect(piped.status == 0)
        let source = try json(piped.stdout)["source"] as? [String: Any]
        #expect(source?["path"] as? String == "-")
        #expect(source?["bytes"] as? Int == data.count)
    }

    @Test func missingFile() throws {
        let r = try run("extract", ["no-such-minutes.txt"])
        #expect(r.status == 66)
        #expect(r.stdout == "")
        #expect(r.stderr == "minutes: no-such-minutes.txt: no such file; check the path\n")
    }

    @Test func aFolderNeedsAnOutput() throws {
        let r = try run("extract", ["Corpus"], in: Self.root)
        #expect(r.status == 64)
        #expect(r.stderr.contains("several inputs need somewhere to go: --output-dir DIR, --jsonl or --sqlite FILE"))
    }

    @Test func binaryFileIsRefused() throws {
        let dir = try temporaryFolder()
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]).write(to: dir.appendingPathComponent("a.out"))
        let r = try run("extract", ["a.out"], in: dir)
        #expect(r.status == 65)
        #expect(r.stdout == "")
        #expect(r.stderr == "minutes: a.out: this looks like a binary file, not text (control byte at offset 7); convert it to plain text (for a PDF, run pdftotext) and try again\n")
    }

    @Test func brokenUTF16IsRefused() throws {
        let dir = try temporaryFolder()
        try Data([0xFF, 0xFE, 0x41]).write(to: dir.appendingPathComponent("odd.txt"))
        let r = try run("extract", ["odd.txt"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr == "minutes: odd.txt: the file starts with a utf-16le byte-order mark but is not valid utf-16le; re-save it as UTF-8 and try again\n")
    }

    @Test func emptyFileGivesJSONWithADiagnostic() throws {
        let dir = try temporaryFolder()
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        let r = try run("extract", ["empty.txt"], in: dir)
        #expect(r.status == 0)
        let doc = try json(r.stdout)
        let diagnostics = doc["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.first?["code"] as? String == "empty-input")
        #expect(doc["items"] as? [Any] != nil)
    }

    @Test func windows1252IsReadAndReported() throws {
        let dir = try temporaryFolder()
        try Data([0x43, 0x6F, 0x73, 0x74, 0x20, 0xA3, 0x35, 0x30, 0x30, 0x20, 0x96, 0x20, 0x61, 0x67, 0x72, 0x65, 0x65, 0x64, 0x0A])
            .write(to: dir.appendingPathComponent("old.txt"))
        let r = try run("extract", ["old.txt"], in: dir)
        #expect(r.status == 0)
        let doc = try json(r.stdout)
        #expect((doc["source"] as? [String: Any])?["encoding"] as? String == "windows-1252")
        #expect((doc["amounts"] as? [[String: Any]])?.first?["text"] as? String == "£500")
    }

    @Test func sizeLimit() throws {
        let r = try run("extract", ["--max-bytes", "100", Self.seed])
        #expect(r.status == 65)
        let size = try FileManager.default.attributesOfItem(atPath: Self.seed)[.size] as! Int
        #expect(r.stderr == "minutes: \(Self.seed): the file is \(size) bytes, over the limit of 100 bytes; split it, or raise the limit with --max-bytes\n")
    }

    @Test func badMeetingDate() throws {
        let r = try run("extract", ["--meeting-date", "22/09/2017", Self.seed])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--meeting-date takes a date as YYYY-MM-DD, e.g. --meeting-date 2017-09-22 (got '22/09/2017')"))
    }

    @Test func meetingDateFromTheCommandLine() throws {
        let r = try run("extract", ["--meeting-date", "2021-05-05", "-"], stdin: Data("1. Apologies\nNone.\n".utf8))
        #expect((try json(r.stdout)["meeting"] as? [String: Any])?["date"] as? String == "2021-05-05")
    }

    @Test func brokenRulesFolder() throws {
        let dir = try temporaryFolder()
        let amounts = dir.appendingPathComponent("amounts")
        try FileManager.default.createDirectory(at: amounts, withIntermediateDirectories: true)
        try """
        - id: amount.broken
          description: a pattern that does not compile
          pattern: '£(?<num>\\d+'
          yields: money
          examples:
            - text: "£5"
              expect: {value: 5}
            - text: "5"
              expect: none
        """.write(to: amounts.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let r = try run("extract", ["--rules", dir.path, Self.seed])
        #expect(r.status == 78)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("minutes: \(amounts.path)/broken.yaml:3: rule amount.broken: pattern does not compile: missing closing parenthesis"))
    }

    @Test func missingRulesFolder() throws {
        let r = try run("extract", ["--rules", "/nonexistent/rules", Self.seed])
        #expect(r.status == 78)
        #expect(r.stderr == "minutes: /nonexistent/rules:0: no such rules folder; give a folder laid out as <dimension>/*.yaml\n")
    }

    @Test func userRulesAddToTheBundledOnes() throws {
        let dir = try temporaryFolder()
        let amounts = dir.appendingPathComponent("amounts")
        try FileManager.default.createDirectory(at: amounts, withIntermediateDirectories: true)
        try """
        - id: amount.guineas
          description: Guineas, for a test.
          pattern: '(?<num>\\d+) guineas'
          yields: money
          examples:
            - text: "5 guineas"
              expect: {value: 5}
            - text: "5 pounds"
              expect: none
        """.write(to: amounts.appendingPathComponent("guineas.yaml"), atomically: true, encoding: .utf8)
        let r = try run("extract", ["--rules", dir.path, "-"], stdin: Data("A fee of 5 guineas and £10.\n".utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let rules = (try json(r.stdout)["amounts"] as? [[String: Any]])?.map { $0["rule"] as? String }
        #expect(rules == ["amount.guineas", "amount.gbp-plain"])
    }

    @Test func segmentPrintsTheTree() throws {
        let r = try run("minutes", ["segment", "-"], stdin: Data("Parish Council\n\n1. Apologies\nNone received.\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == """
        header [1]
          paragraph [1] "Parish Council"
        item 1 "Apologies" [3-4]
          paragraph [4] "None received."

        """)
    }

    @Test func rulesTestPasses() throws {
        let r = try run("minutes", ["rules", "test"])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix(": all hold\n"))
    }

    @Test func evaluatePrintsATable() throws {
        let r = try run("minutes", ["evaluate", "Corpus"], in: Self.root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("field                   gold  found  match      P      R     F1"))
        #expect(r.stdout.contains("items"))
    }

    @Test func evaluateFailsBelowTheFloorGiven() throws {
        let dir = try temporaryFolder()
        try "1. Apologies\nNone.\n".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try #"{"items": [{"number": "9", "title": "Budget"}]}"#.write(to: dir.appendingPathComponent("a.gold.json"), atomically: true, encoding: .utf8)
        let r = try run("minutes", ["evaluate", dir.path, "--min-f1", "items=0.5"])
        #expect(r.status == 1)
        #expect(r.stderr == "minutes: items: F1 0.000 is below 0.5\n")
        let bad = try run("minutes", ["evaluate", dir.path, "--min-f1", "items"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--min-f1 takes field=F1, e.g. --min-f1 items=0.9 (got 'items')"))
    }

    @Test func evaluateAnEmptyFolder() throws {
        let dir = try temporaryFolder()
        let r = try run("minutes", ["evaluate", dir.path])
        #expect(r.status == 66)
        #expect(r.stderr == "minutes: \(dir.path): no inputs with a .gold.json beside them; give a corpus folder\n")
    }

    @Test func unknownOptionIsAUsageError() throws {
        let r = try run("extract", ["--colour", Self.seed])
        #expect(r.status == 64)
    }

    @Test func helpDocumentsExitStatuses() throws {
        let r = try run("minutes", ["extract", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("EXIT STATUS"))
        #expect(r.stdout.contains("65  the input is not usable text"))
    }
}
