import ArgumentParser
import Foundation
import MinutesCore
import MinutesPipeline
import MinutesRules

/// `--rules DIR`, shared by every command that runs rules.
struct RulesOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "A folder of extra rule files laid out as <dimension>/*.yaml; a rule with the id of a bundled rule replaces it. Repeatable.",
        valueName: "dir"))
    var folders: [String] = []

    /// The bundled rules plus the folders; a broken rule file ends the command with status 78.
    func book() throws -> RuleBook {
        do {
            return try RuleBook.load(overriding: folders.map { URL(fileURLWithPath: $0) })
        } catch {
            for e in error.errors { Console.error("\(e)") }
            throw ExitStatus.badRules
        }
    }
}

/// What the caller knows that the document may not say.
struct ContextOptions: ParsableArguments {
    @Option(name: .customLong("meeting-date"), help: ArgumentHelp(
        "The meeting date, used when the header gives none and to resolve relative dates.", valueName: "YYYY-MM-DD"))
    var meetingDate: String?

    @Option(help: ArgumentHelp("The body whose meeting it is, used when the header names none.", valueName: "name"))
    var body: String?

    func validate() throws {
        if let date = meetingDate, !ContextOptions.isISODate(date) {
            throw ValidationError("--meeting-date takes a date as YYYY-MM-DD, e.g. --meeting-date 2017-09-22 (got '\(date)')")
        }
    }

    var context: Context { Context(meetingDate: meetingDate, body: body) }

    /// `YYYY-MM-DD` with a month 01–12 and a day 01–31.
    static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        return (1...12).contains(m) && (1...31).contains(d)
    }
}

/// How the input is read.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("input-format"), help: ArgumentHelp("Read the input as 'text' or 'html' (default: by extension, or by content).", valueName: "format"))
    var format: SourceFormat?

    @Option(name: .customLong("max-bytes"), help: ArgumentHelp("Refuse inputs larger than this many bytes.", valueName: "n"))
    var maxBytes: Int = Loader.defaultByteLimit
}

extension SourceFormat: ExpressibleByArgument {}

extension InputOptions {
    /// Reads and decodes `path`; a refused input is reported and ends the command with status 65.
    func load(_ path: String) throws -> LoadedInput {
        let bytes = try InputFile.read(path, limit: maxBytes)
        do {
            return try Loader.load(bytes: bytes, path: path, format: format, byteLimit: maxBytes)
        } catch {
            Console.error("\(path): \(error.message)")
            throw ExitStatus.badInput
        }
    }
}

/// Reads a named file, or standard input for `-`; a missing file ends with
/// status 66, one over `limit` bytes with 65 before it is read.
enum InputFile {
    static func read(_ path: String, limit: Int = Loader.defaultByteLimit) throws -> [UInt8] {
        if path == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            Console.error("\(path): no such file; check the path")
            throw ExitStatus.noInput
        }
        guard !isDirectory.boolValue else {
            Console.error("\(path): is a folder; give one minutes file (to score a folder of corpus files, use minutes evaluate)")
            throw ExitStatus.noInput
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            Console.error("\(path): \(InputError.tooLarge(bytes: size, limit: limit).message)")
            throw ExitStatus.badInput
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.error("\(path): cannot be read; check its permissions")
            throw ExitStatus.noInput
        }
        return Array(data)
    }
}

/// Writing to standard output and standard error.
enum Console {
    static func error(_ message: String, prefix: Bool = true) {
        FileHandle.standardError.write(Data("\(prefix ? "minutes: " : "")\(message)\n".utf8))
    }

    static func write(_ data: Data) throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            Console.error("cannot write the output: \(error.localizedDescription)")
            throw ExitStatus.cannotWrite
        }
    }

    static func write(_ text: String) throws {
        try write(Data(text.utf8))
    }
}
