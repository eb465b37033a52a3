import Foundation
import Testing

/// Inputs that once stopped the tool dead (a trap, exit 132, nothing said):
/// each must now give the right answer or a clear error with its status.
extension CLITests {
    /// A bare "Agreed." or "Noted" under an item: a decision sentence whose
    /// match starts on the line's indent.
    @Test(arguments: ["1. Apologies\n   Agreed.\n", "1. Apologies\n   Noted\n"])
    func indentedBareDecision(_ text: String) throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("a.txt")
        try Data(text.utf8).write(to: file)
        let result = try run("minutes", ["extract", file.path])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let items = try json(result.stdout)["items"] as? [[String: Any]]
        #expect(items?.first?["title"] as? String == "Apologies")
    }

    /// A table of rule lines only has no rows; every command reads it.
    @Test(arguments: [["extract"], ["segment"], ["validate"]])
    func tableOfRuleLinesOnly(_ command: [String]) throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("r.txt")
        try Data("|---|---|\n".utf8).write(to: file)
        let result = try run("minutes", command + [file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    /// A `--rules` pattern that can match the empty string is refused at load.
    @Test(arguments: ["z*", "(?=)"])
    func ruleMatchingTheEmptyString(_ pattern: String) throws {
        let folder = try temporaryFolder()
        let rules = folder.appendingPathComponent("rules/decisions")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try Data("""
            - id: decision.zed
              description: matches nothing at all
              pattern: '\(pattern)'
              yields: decision
              set: {kind: agreed}
              examples:
                - text: "zz"
                  expect: {text: "zz"}
                - text: "abc"
                  expect: none

            """.utf8).write(to: rules.appendingPathComponent("z.yaml"))
        let result = try run("minutes", ["extract", "--rules", folder.appendingPathComponent("rules").path, Self.seed])
        #expect(result.status == 78)
        #expect(result.stderr == "minutes: \(rules.path)/z.yaml:3: rule decision.zed: the pattern can match the empty string (as z* or (?=x) do), so it would match everywhere; make it need at least one character\n")
    }
}

extension CLITests {
    /// Links to folders are followed once: a loop ends, and each document is read once.
    @Test func folderLinksThatLoop() throws {
        let dir = try temporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("loop/a"), withIntermediateDirectories: true)
        try fm.copyItem(atPath: Self.seed, toPath: dir.appendingPathComponent("loop/a/x.txt").path)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("loop/a/up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("loop/self").path, withDestinationPath: "../loop")
        let r = try run("minutes", ["extract", "loop", "--jsonl", "--quiet"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").count == 1)
    }

    /// A folder that cannot be listed is an error record and makes the status 1
    /// (run as an unprivileged user: root reads every folder).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func unreadableSubfolder() throws {
        let dir = try temporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("arch/closed"), withIntermediateDirectories: true)
        try fm.copyItem(atPath: Self.seed, toPath: dir.appendingPathComponent("arch/open.txt").path)
        try fm.copyItem(atPath: Self.seed, toPath: dir.appendingPathComponent("arch/closed/x.txt").path)
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.appendingPathComponent("arch").path)
        try fm.setAttributes([.posixPermissions: 0o000], ofItemAtPath: dir.appendingPathComponent("arch/closed").path)
        defer { try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.appendingPathComponent("arch/closed").path) }
        let minutes = Self.binaries.appendingPathComponent("minutes").path
        let r = getuid() == 0
            ? try run(at: "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", minutes, "extract", "arch", "--jsonl", "--quiet"], in: dir)
            : try run("minutes", ["extract", "arch", "--jsonl", "--quiet"], in: dir)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first == #"{"error":{"code":"no-input","message":"this folder cannot be listed; check its permissions"},"path":"arch/closed"}"#)
        #expect(r.stderr == "minutes: arch/closed: this folder cannot be listed; check its permissions\n2 inputs read, 1 extracted, 1 failed\n")
    }

    /// Reading stops at --max-bytes, standard input included.
    @Test func maxBytesOnStandardInput() throws {
        let r = try run("minutes", ["extract", "-", "--max-bytes", "1000"], stdin: Data(repeating: 0x79, count: 4_000_000))
        #expect(r.status == 65)
        #expect(r.stderr == "minutes: -: the input goes on past the limit of 1000 bytes and was not read further; split it, or raise the limit with --max-bytes\n")
    }

    /// A UTF-8 mark on bytes that are Windows-1252 is three characters of the text, and spans count them.
    @Test func byteOrderMarkReadAsWindows1252() throws {
        let dir = try temporaryFolder()
        let file = dir.appendingPathComponent("b.txt")
        try Data([0xEF, 0xBB, 0xBF] + Array("costs of ".utf8) + [0xA3] + Array("24\n".utf8)).write(to: file)
        let doc = try json(try run("minutes", ["extract", file.path]).stdout)
        #expect((doc["source"] as? [String: Any])?["encoding"] as? String == "windows-1252")
        let amount = try #require((doc["amounts"] as? [[String: Any]])?.first)
        #expect(amount["text"] as? String == "£24")
        #expect((amount["span"] as? [String: Any])?["start"] as? Int == 12)
    }

    /// UTF-16 without a mark is told by its zero bytes.
    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func utf16WithoutByteOrderMark(_ encoding: String.Encoding) throws {
        let dir = try temporaryFolder()
        let file = dir.appendingPathComponent("u.txt")
        try #require("Minutes of the Parish Council\n\n1. Apologies\nA grant of £24 was agreed.\n".data(using: encoding)).write(to: file)
        let r = try run("minutes", ["extract", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try json(r.stdout)
        #expect((doc["source"] as? [String: Any])?["encoding"] as? String == (encoding == .utf16LittleEndian ? "utf-16le" : "utf-16be"))
        #expect((doc["amounts"] as? [[String: Any]])?.first?["text"] as? String == "£24")
    }

    /// A number past exact range is no value: the amount is left out with a diagnostic naming its text.
    @Test func amountBeyondExactRange() throws {
        let r = try run("minutes", ["extract", "-"], stdin: Data("Costs of £99999999999999999999999999999999999999999999999999bn.\n".utf8))
        #expect(r.status == 0)
        let doc = try json(r.stdout)
        #expect((doc["amounts"] as? [Any])?.isEmpty == true)
        let diagnostic = (doc["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == "invalid-amount" }
        #expect(diagnostic?["message"] as? String == "'£99999999999999999999999999999999999999999999999999bn' looks like money but cannot read the number '99999999999999999999999999999999999999999999999999'; it is left out of amounts")
    }

    @Test func impossibleMeetingDate() throws {
        let r = try run("minutes", ["extract", Self.seed, "--meeting-date", "2017-02-30"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: --meeting-date 2017-02-30 names no day of the calendar; check the day and the month (YYYY-MM-DD)\n"))
    }

    @Test func negativeJobs() throws {
        let r = try run("minutes", ["extract", Self.seed, "--jsonl", "--jobs", "-3"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: --jobs takes a whole number of worker processes, 1 or more, e.g. --jobs 2 (got -3)\n"))
    }

    /// Named pipes and devices are said to be what they are, and never read.
    @Test func specialFiles() throws {
        let dir = try temporaryFolder()
        let fifo = dir.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let pipe = try run("minutes", ["extract", fifo])
        #expect(pipe.status == 66)
        #expect(pipe.stderr == "minutes: \(fifo): is a named pipe (FIFO), not a file; give a minutes file, or - to read standard input (e.g. cat x.txt | minutes extract -)\n")
        let zero = try run("minutes", ["extract", "/dev/zero"])
        #expect(zero.status == 66)
        #expect(zero.stderr == "minutes: /dev/zero: is a device, not a file; give a minutes file, or - to read standard input (e.g. cat x.txt | minutes extract -)\n")
    }

    /// Standard output closed by its reader: a message that says so, status 74.
    @Test func closedStandardOutput() throws {
        let process = Process()
        process.executableURL = Self.binaries.appendingPathComponent("minutes")
        process.arguments = ["extract", Self.seed]
        let out = Pipe(), err = Pipe()
        try out.fileHandleForReading.close()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        try out.fileHandleForWriting.close()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74)
        #expect(stderr == "minutes: cannot write the output: standard output was closed before everything was written (the program reading it stopped early)\n")
    }

    @Test func outputDirNamingAFile() throws {
        let dir = try temporaryFolder()
        try Data("x".utf8).write(to: dir.appendingPathComponent("out.json"))
        try FileManager.default.copyItem(atPath: Self.seed, toPath: dir.appendingPathComponent("a.txt").path)
        let r = try run("minutes", ["extract", "a.txt", "--output-dir", "out.json"], in: dir)
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: --output-dir out.json is a file; give a folder (it is made if missing)\n"))
    }
}
