import ArgumentParser
import BundledRules
import Foundation
import MinutesCore
import MinutesPipeline
import MinutesRules
import MinutesText

/// `--rules DIR`, shared by every command that runs rules.
struct RulesOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "A folder of extra rule files laid out as <dimension>/*.yaml; a rule with the id of a bundled rule replaces it. Repeatable.",
        valueName: "dir"))
    var folders: [String] = []

    /// The options as given, for a worker process.
    var arguments: [String] { folders.map { "--rules=\($0)" } }

    /// The pipeline of the bundled rules plus the folders, compiling ahead on a
    /// second thread; without folders, the one made while the arguments were parsed.
    func pipeline() throws -> Pipeline {
        folders.isEmpty ? PreparedPipeline.take() : Pipeline(rules: try book(), compilingAhead: true)
    }

    /// The bundled rules plus the folders; a broken rule file ends the command with status 78.
    /// `compilingNow`: compile every pattern before returning (bundled ones otherwise
    /// compile at first use, or on a second thread: `Pipeline(rules:compilingAhead:)`).
    func book(compilingNow: Bool = false) throws -> RuleBook {
        do {
            return try RuleBook.load(overriding: folders.map { URL(fileURLWithPath: $0) }, compilingNow: compilingNow)
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

    @Option(help: ArgumentHelp("The body whose meeting it is: used when the header names none, or names it by part of this name (\"HALL COMMITTEE\" for \"Upper Sedgecombe Village Hall Management Committee\").", valueName: "name"))
    var body: String?

    func validate() throws {
        guard let date = meetingDate, !ContextOptions.isISODate(date) else { return }
        if ContextOptions.hasISOForm(date) {
            throw ValidationError("--meeting-date \(date) names no day of the calendar; check the day and the month (YYYY-MM-DD)")
        }
        throw ValidationError("--meeting-date takes a date as YYYY-MM-DD, e.g. --meeting-date 2017-09-22 (got '\(date)')")
    }

    var context: Context { Context(meetingDate: meetingDate, body: body) }

    /// The options as given, for a worker process.
    var arguments: [String] {
        [meetingDate.map { "--meeting-date=\($0)" }, body.map { "--body=\($0)" }].compactMap { $0 }
    }

    /// `YYYY-MM-DD` naming a day of the calendar (no 30 February).
    static func isISODate(_ s: String) -> Bool {
        guard hasISOForm(s) else { return false }
        let parts = s.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 && DayMonthYear.isValid(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Four digits, two and two, with hyphens between.
    static func hasISOForm(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}

/// How the input is read.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("input-format"), help: ArgumentHelp("Read the input as 'text' or 'html' (default: by extension, or by content).", valueName: "format"))
    var format: SourceFormat?

    @Option(name: .customLong("max-bytes"), help: ArgumentHelp("Refuse inputs larger than this many bytes.", valueName: "n"))
    var maxBytes: Int = Loader.defaultByteLimit

    func validate() throws {
        guard (0...Normalizer.largestInput).contains(maxBytes) else {
            throw ValidationError("--max-bytes takes a number of bytes from 0 to \(Normalizer.largestInput) (128 MiB), e.g. --max-bytes 100000000 (got \(maxBytes))")
        }
    }
}

extension SourceFormat: ExpressibleByArgument {}

extension InputOptions {
    /// Reads and decodes `path` (`-`: standard input), or says why it cannot.
    func read(_ path: String) -> Result<LoadedInput, InputError> {
        do throws(InputError) {
            let bytes = path == "-" ? try Loader.read(descriptor: STDIN_FILENO, byteLimit: maxBytes) : try Loader.read(path: path, byteLimit: maxBytes)
            return .success(try Loader.load(bytes: bytes, path: path, format: format, byteLimit: maxBytes))
        } catch {
            return .failure(error)
        }
    }

    /// Reads and decodes `path`; a refused input is reported and ends the command
    /// with status 66 (missing, a folder, unreadable) or 65 (not usable text).
    func load(_ path: String) throws -> LoadedInput {
        switch read(path) {
        case .success(let loaded):
            return loaded
        case .failure(let error):
            Console.error("\(path): \(error.message)")
            throw ExitStatus.status(for: error)
        }
    }
}

extension ExitStatus {
    /// 66 for an input that cannot be read, 65 for one that is not usable text.
    static func status(for error: InputError) -> ExitCode {
        error.code == "no-input" ? noInput : badInput
    }
}

/// Writing to standard output and standard error, straight to the file
/// descriptors: a closed pipe is an error with a reason, never a trap.
enum Console {
    /// A message on standard error; lost if standard error itself is closed.
    static func error(_ message: String, prefix: Bool = true) {
        _ = writeAll(Array("\(prefix ? "minutes: " : "")\(message)\n".utf8), to: STDERR_FILENO)
    }

    /// Progress text on standard error, as it is.
    static func status(_ text: String) {
        _ = writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    static func write(_ data: Data) throws {
        // Written from the bytes as they are: a long document's JSON is not copied first.
        if let errorNumber = data.withUnsafeBytes({ writeAll($0, to: STDOUT_FILENO) }) {
            Console.error("cannot write the output: \(describe(errorNumber))")
            throw ExitStatus.cannotWrite
        }
    }

    static func write(_ text: String) throws {
        try write(Data(text.utf8))
    }

    /// What a write error means to the person who ran the command.
    static func describe(_ errorNumber: Int32) -> String {
        switch errorNumber {
        case EPIPE: "standard output was closed before everything was written (the program reading it stopped early)"
        case ENOSPC: "the disk is full"
        default: String(cString: strerror(errorNumber))
        }
    }

    /// What a Foundation file error means, from the system's own reason where it gives one.
    static func describe(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix = underlying, posix.domain == NSPOSIXErrorDomain { return describe(Int32(truncatingIfNeeded: posix.code)) }
        if (error as NSError).domain == NSPOSIXErrorDomain { return describe(Int32(truncatingIfNeeded: (error as NSError).code)) }
        return error.localizedDescription
    }

    /// Writes every byte; nil, or the errno that stopped it.
    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        bytes.withUnsafeBytes { writeAll($0, to: fd) }
    }

    static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, base + done, bytes.count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return n < 0 ? errno : EIO }
            done += n
        }
        return nil
    }
}

/// What every run of the tool does first: a closed pipe becomes an error to
/// report (not a signal that ends the process), and a bulk run's worker
/// process (`minutes __worker`) serves its requests instead of parsing a command.
public enum Launch {
    public static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        WorkerCommand.serveIfAsked()
    }
}
