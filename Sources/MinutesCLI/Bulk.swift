import ArgumentParser
import Foundation
import MinutesCore
import MinutesPipeline
import MinutesStore

/// Options of bulk runs.
struct BulkOptions: ParsableArguments {
    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Write one JSON file per input under this folder, in the inputs' tree.", valueName: "dir"))
    var outputDir: String?

    @Flag(help: "Write one JSON document per line to standard output.")
    var jsonl = false

    @Option(help: ArgumentHelp("Write the results into this SQLite database (created if missing).", valueName: "file"))
    var sqlite: String?

    @Flag(help: "With --sqlite: skip documents whose SHA-256 is already stored.")
    var resume = false

    @Option(name: .customLong("files-from"), help: ArgumentHelp("Read input paths, one per line, from this file (- for standard input).", valueName: "file"))
    var filesFrom: String?

    @Option(name: .customLong("jsonl-input"), help: ArgumentHelp("Read {\"id\": …, \"text\": …} lines from this file (- for standard input); write minutes/1 lines.", valueName: "file"))
    var jsonlInput: String?

    // Unconditional, so that --jobs -3 reaches the check that says what to type.
    @Option(parsing: .unconditional, help: ArgumentHelp("Worker processes to run at once (default: the number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress line on standard error.")
    var quiet = false

    @Option(help: ArgumentHelp("Seconds one document may take before it is stopped and recorded as time-limit.", valueName: "seconds"))
    var timeout: Double = BulkOptions.defaultTimeout

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Megabytes of memory one document's extraction may take before it is stopped and recorded as memory-limit.", valueName: "MB"))
    var maxMemory: Int = BulkOptions.defaultMaxMemory

    static let defaultTimeout = 120.0
    static let defaultMaxMemory = 2048

    var hasOutput: Bool { outputDir != nil || jsonl || sqlite != nil || jsonlInput != nil }

    func isBulk(_ paths: [String]) -> Bool {
        if filesFrom != nil || jsonlInput != nil || outputDir != nil || jsonl || sqlite != nil || paths.count > 1 { return true }
        guard let only = paths.first, only != "-" else { return false }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: only, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    func validate() throws {
        var isFolder: ObjCBool = false
        if let dir = outputDir, FileManager.default.fileExists(atPath: dir, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationError("--output-dir \(dir) is a file; give a folder (it is made if missing)")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs takes a whole number of worker processes, 1 or more, e.g. --jobs 2 (got \(jobs))") }
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout takes a number of seconds above 0, e.g. --timeout 60 (got \(timeout))") }
        guard maxMemory >= 64, maxMemory <= 1 << 30 else { throw ValidationError("--max-memory takes megabytes, 64 or more, e.g. --max-memory 4096 (got \(maxMemory))") }
    }

    var budget: WorkerBudget { WorkerBudget(seconds: timeout, memory: maxMemory << 20) }
}

/// A bulk run: inputs → runner → outputs, with a summary at the end.
struct BulkCommand {
    let options: BulkOptions
    let paths: [String]
    let pretty: Bool
    let input: InputOptions
    let context: Context
    /// What a worker process is started with, besides the input options: the
    /// rule folders and context options of the command line.
    let workerArguments: [String]

    /// Set by SIGINT; the run stops between windows.
    static let interrupted = Flag()

    final class Flag: @unchecked Sendable {
        private var value = false
        private let lock = NSLock()
        func set() { lock.lock(); value = true; lock.unlock() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    }

    /// Each job extracts in a worker process of its own (`WorkerLane`): a
    /// document that crashes or runs past its budget costs that document only.
    func run() throws {
        let pretty = self.pretty && options.outputDir != nil
        let arguments = workerArguments + ["--max-bytes", "\(input.maxBytes)"]
            + (input.format.map { ["--input-format", $0.rawValue] } ?? []) + (pretty ? ["--pretty"] : [])
        let executable = Self.executable
        let budget = options.budget
        let runner = BulkRunner(jobs: options.jobs, byteLimit: input.maxBytes) {
            WorkerLane(executable: executable, arguments: arguments, budget: budget)
        }
        let store: Store?
        do {
            store = try options.sqlite.map { try Store(path: $0) }
        } catch {
            Console.error("\(options.sqlite ?? ""): cannot open the database: \(error)")
            throw ExitStatus.cannotWrite
        }
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { BulkCommand.interrupted.set() }
        source.resume()
        defer { source.cancel(); signal(SIGINT, SIG_DFL) }

        let showProgress = !options.quiet && isatty(STDERR_FILENO) == 1
        // Folders are counted first (names only) so the progress line can give an ETA.
        let total: Int? = showProgress && options.filesFrom == nil && options.jsonlInput == nil
            ? Archive(roots: paths).reduce(0) { n, _ in n + 1 } : nil
        let progress = Progress(enabled: showProgress, total: total)
        var failures: [BulkFailure] = []
        var done = 0
        var pending: [BulkOutcome] = []
        func flushStore() throws {
            guard let store, !pending.isEmpty else { return }
            do { try store.write(pending) } catch {
                Console.error("\(options.sqlite ?? ""): cannot write: \(error)")
                throw ExitStatus.cannotWrite
            }
            pending.removeAll(keepingCapacity: true)
        }
        let inputs = try self.inputs(store: store)
        try runner.run(inputs, shouldStop: { BulkCommand.interrupted.isSet }) { item, outcome, bytes in
            done += 1
            progress.update(files: done, bytes: bytes, failed: failures.count)
            switch outcome {
            case .document(let extracted):
                // Emitter's JSON ends with one newline: a JSONL line as it is.
                if options.jsonl || options.jsonlInput != nil {
                    try write(pretty ? Emitter.json(extracted.document()) : extracted.json, newline: false)
                }
                if let dir = options.outputDir {
                    switch item {
                    case .file(let path, _), .read(let path, _, _):
                        try writeAtomically(extracted.json, to: outputPath(for: path, in: dir))
                    default:
                        break
                    }
                }
            case .failure(let failure):
                failures.append(failure)
                Console.error("\(failure.path): \(failure.message)")
                if options.jsonl || options.jsonlInput != nil {
                    let record = try JSONEncoder.sorted.encode(ErrorRecord(path: failure.path, error: .init(code: failure.code, message: failure.message)))
                    try write(record, newline: true)
                }
            }
            if store != nil {
                pending.append(outcome)
                if pending.count >= 200 { try flushStore() }
            }
        }
        try flushStore()
        progress.finish()
        let skipped = skippedCount.count
        let interrupted = BulkCommand.interrupted.isSet
        if !options.quiet || !failures.isEmpty || interrupted {
            Console.error("\(done) input\(done == 1 ? "" : "s") read, \(done - failures.count) extracted, \(failures.count) failed"
                          + (skipped > 0 ? ", \(skipped) already stored" : "") + (interrupted ? "; interrupted" : ""), prefix: false)
        }
        if interrupted { throw ExitCode(130) }
        if !failures.isEmpty { throw ExitStatus.checkFailed }
    }

    /// This program, which the workers run (`minutes __worker`).
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The inputs, in order: folders walked, --files-from lines, or --jsonl-input records.
    func inputs(store: Store?) throws -> AnySequence<BulkInput> {
        var sequence: AnySequence<BulkInput>
        if let jsonlInput = options.jsonlInput {
            sequence = AnySequence(JSONLInput(path: jsonlInput))
        } else if let list = options.filesFrom {
            let lines = LineReader(path: list)
            sequence = AnySequence(lines.lazy.filter { !$0.isEmpty }.flatMap { Archive(roots: [$0]) })
        } else {
            sequence = AnySequence(Archive(roots: paths))
        }
        guard let store, options.resume else { return sequence }
        // --resume: documents whose bytes are stored already are not read again.
        // A file read for its hash is handed on as read, not read again.
        let counter = skippedCount
        let limit = input.maxBytes
        return AnySequence(sequence.lazy.compactMap { input -> BulkInput? in
            // A file that cannot be read is left for the runner to report.
            guard case .file(let path, let display) = input, let bytes = try? Loader.read(path: path, byteLimit: limit) else { return input }
            if (try? store.contains(sha256: Loader.sha256(bytes))) == true {
                counter.add()
                return nil
            }
            return .read(path: path, display: display, bytes: bytes)
        })
    }

    /// Inputs skipped by --resume.
    let skippedCount = Counter()

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func add() { lock.lock(); value += 1; lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return value }
    }

    func outputPath(for input: String, in dir: String) -> String {
        var relative = input
        for root in paths.sorted(by: { $0.count > $1.count }) where input.hasPrefix(root) {
            relative = String(input.dropFirst(root.count))
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), !isDirectory.boolValue {
                relative = (root as NSString).lastPathComponent
            }
            break
        }
        while relative.hasPrefix("/") { relative.removeFirst() }
        if relative.hasPrefix("../") || relative.isEmpty { relative = (input as NSString).lastPathComponent }
        return ((dir as NSString).appendingPathComponent(relative) as NSString).deletingPathExtension + ".json"
    }

    /// Written beside the target and renamed into place: a reader never sees half a file.
    func writeAtomically(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            Console.error("\(path): cannot write: \(Console.describe(error))")
            throw ExitStatus.cannotWrite
        }
    }

    func write(_ data: Data, newline: Bool) throws {
        try Console.write(newline ? data + Data("\n".utf8) : data)
    }

    struct ErrorRecord: Encodable {
        struct Detail: Encodable { var code: String; var message: String }
        var path: String
        var error: Detail
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// As `sorted`, indented: the reports of `validate` and `evaluate --coverage`.
    static var sortedPretty: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return e
    }
}

/// Lines of a file or of standard input, read as they come.
struct LineReader: Sequence {
    let path: String
    func makeIterator() -> AnyIterator<String> {
        let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path)
        var buffer = Data()
        var finished = handle == nil
        return AnyIterator {
            while true {
                if let nl = buffer.firstIndex(of: 0x0A) {
                    let line = buffer[buffer.startIndex..<nl]
                    buffer.removeSubrange(buffer.startIndex...nl)
                    return String(decoding: line, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                }
                if finished {
                    guard !buffer.isEmpty else { return nil }
                    defer { buffer.removeAll() }
                    return String(decoding: buffer, as: UTF8.self)
                }
                let chunk = handle?.readData(ofLength: 1 << 16) ?? Data()
                if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
            }
        }
    }
}

/// `{"id": …, "text": …}` lines; a line that is not such a record becomes a failed input.
struct JSONLInput: Sequence {
    let path: String
    struct Record: Decodable { var id: String; var text: String }
    func makeIterator() -> AnyIterator<BulkInput> {
        let lines = LineReader(path: path).makeIterator()
        var number = 0
        return AnyIterator {
            while let line = lines.next() {
                number += 1
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                if let record = try? JSONDecoder().decode(Record.self, from: Data(line.utf8)) {
                    return .inline(id: record.id, text: record.text)
                }
                return .invalid(name: "\(path == "-" ? "stdin" : path):\(number)", code: "bad-input",
                                message: "not a JSON object with string fields \"id\" and \"text\"; fix the line")
            }
            return nil
        }
    }
}

/// A progress line on a terminal: files, files/s, MB/s and, where the number
/// of inputs is known, the time left.
final class Progress {
    let enabled: Bool
    let total: Int?
    let start = Date()
    var files = 0
    var bytes = 0
    var last = Date.distantPast

    init(enabled: Bool, total: Int? = nil) {
        self.enabled = enabled
        self.total = total
    }

    func update(files: Int, bytes: Int, failed: Int) {
        self.files = files
        self.bytes += bytes
        guard enabled, Date().timeIntervalSince(last) > 0.2 else { return }
        last = Date()
        let seconds = max(Date().timeIntervalSince(start), 0.001)
        var line = String(format: "\r%d%@ files, %d failed, %.1f files/s, %.2f MB/s", files, total.map { " of \($0)" } ?? "",
                          failed, Double(files) / seconds, Double(self.bytes) / 1_000_000 / seconds)
        if let total, files > 0 {
            let left = Int(seconds / Double(files) * Double(max(total - files, 0)))
            line += String(format: ", ETA %d:%02d:%02d", left / 3600, left / 60 % 60, left % 60)
        }
        line += "   "
        Console.status(line)
    }

    func finish() {
        if enabled { Console.status("\r\u{1B}[K") }
    }
}
