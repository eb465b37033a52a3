import Foundation
import MinutesCore
import MinutesPipeline

/// How long and how much memory one document may take in a worker.
struct WorkerBudget: Sendable {
    /// Seconds of wall-clock time per document.
    var seconds: Double
    /// Resident memory of the worker, in bytes.
    var memory: Int
}

/// One worker process of a bulk run, started when first needed and started
/// again after a document crashed it or ran past its budget (the way Apache
/// Tika's fork parser keeps a parser that can die out of the server). The
/// document that did it becomes an error record (`extractor-crashed`,
/// `time-limit`, `memory-limit`); the run goes on.
final class WorkerLane: ExtractionLane, @unchecked Sendable {
    let executable: String
    let arguments: [String]
    let budget: WorkerBudget

    private var pid: pid_t = 0
    private var requests: Int32 = -1
    private var replies: Int32 = -1
    /// The worker's standard error, a file already unlinked (nothing is left
    /// behind, whatever ends the run): where a trap's message lands.
    private var errorLog: Int32 = -1

    init(executable: String, arguments: [String], budget: WorkerBudget) {
        self.executable = executable
        self.arguments = arguments
        self.budget = budget
    }

    deinit { close() }

    private static let starting = NSLock()

    func extract(bytes: [UInt8], path: String) -> BulkOutcome {
        if pid == 0, let message = start() {
            return .failure(BulkFailure(path: path, code: "extractor-crashed", message: message))
        }
        let began = Monotonic.seconds()
        guard WorkerFrames.writeRequest(path: path, bytes: bytes, to: requests) else {
            return .failure(crashed(path))
        }
        switch readReply(began: began) {
        case .reply(let kind, let payload):
            if kind == 0 { return .document(ExtractedDocument(json: Data(payload))) }
            if let failure = try? JSONDecoder().decode(BulkFailure.self, from: Data(payload)) { return .failure(failure) }
            stop()
            return .failure(BulkFailure(path: path, code: "extractor-crashed", message: "the worker's reply could not be read; the run went on without this document"))
        case .ended:
            return .failure(crashed(path))
        case .overTime:
            stop()
            return .failure(BulkFailure(path: path, code: "time-limit", message: String(
                format: "extraction ran past %g s and was stopped; the run went on without this document. Split the file, or allow more time with --timeout", budget.seconds)))
        case .overMemory:
            stop()
            return .failure(BulkFailure(path: path, code: "memory-limit", message:
                "extraction took more than \(budget.memory >> 20) MB of memory and was stopped; the run went on without this document. Split the file, or allow more with --max-memory"))
        }
    }

    func close() {
        guard pid != 0 else { return }
        // End of standard input: the worker finishes and exits.
        Glibc.close(requests)
        Glibc.close(replies)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        cleanUp()
    }

    /// The record of a document the worker died on, with the signal and the
    /// runtime's message where it left one.
    private func crashed(_ path: String) -> BulkFailure {
        let why = lastFatalError()
        let status = stop()
        var message = "the extractor crashed on this document"
        let signal = status & 0x7F
        if signal != 0, signal != 0x7F {
            message += " (signal \(signal), \(Self.signalName(signal)))"
        } else {
            message += " (exit status \((status >> 8) & 0xFF))"
        }
        if let why { message += ": \(why)" }
        message += "; the run went on without it. This is a bug in minutes: please report it with the file"
        return BulkFailure(path: path, code: "extractor-crashed", message: message)
    }

    private func lastFatalError() -> String? {
        guard errorLog >= 0 else { return nil }
        var data = [UInt8](repeating: 0, count: 16_384)
        let end = lseek(errorLog, 0, SEEK_END)
        let n = data.withUnsafeMutableBytes { pread(errorLog, $0.baseAddress, $0.count, max(0, end - 16_384)) }
        guard n > 0 else { return nil }
        return String(decoding: data[0..<n], as: UTF8.self).split(separator: "\n")
            .last { $0.contains("Fatal error") || $0.contains("fatal error") }
            .map { String($0.prefix(300)) }
    }

    static func signalName(_ signal: Int32) -> String {
        [4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV", 15: "SIGTERM"][signal]
            ?? "signal \(signal)"
    }

    // MARK: - The process

    /// Starts the worker; nil, or why it could not start.
    private func start() -> String? {
        // One start at a time, so no worker inherits another's pipes before they are marked close-on-exec.
        WorkerLane.starting.lock()
        defer { WorkerLane.starting.unlock() }
        var toWorker: [Int32] = [0, 0], fromWorker: [Int32] = [0, 0]
        guard pipe(&toWorker) == 0 else { return "could not start a worker process: \(String(cString: strerror(errno)))" }
        guard pipe(&fromWorker) == 0 else {
            Glibc.close(toWorker[0]); Glibc.close(toWorker[1])
            return "could not start a worker process: \(String(cString: strerror(errno)))"
        }
        for fd in toWorker + fromWorker { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-worker-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log").path
        let logFD = open(log, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        unlink(log)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toWorker[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromWorker[1], STDOUT_FILENO)
        if logFD >= 0 { posix_spawn_file_actions_adddup2(&actions, logFD, STDERR_FILENO) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable, WorkerCommand.name] + arguments).map { strdup($0) } + [nil]
        // The runtime's backtrace takes a third of a second; the record says enough.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, nil, argv, envp)
        Glibc.close(toWorker[0])
        Glibc.close(fromWorker[1])
        guard rc == 0 else {
            if logFD >= 0 { Glibc.close(logFD) }
            Glibc.close(toWorker[1]); Glibc.close(fromWorker[0])
            return "could not start a worker process (\(executable)): \(String(cString: strerror(rc)))"
        }
        pid = child
        requests = toWorker[1]
        replies = fromWorker[0]
        errorLog = logFD
        return nil
    }

    /// Kills the worker (if it still runs) and reaps it; its wait status.
    @discardableResult
    private func stop() -> Int32 {
        guard pid != 0 else { return 0 }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        Glibc.close(requests)
        Glibc.close(replies)
        cleanUp()
        return status
    }

    private func cleanUp() {
        if errorLog >= 0 { Glibc.close(errorLog) }
        pid = 0
        requests = -1
        replies = -1
        errorLog = -1
    }

    enum Reply {
        case reply(kind: UInt8, payload: [UInt8])
        case ended
        case overTime
        case overMemory
    }

    /// Waits for the reply, checking the budget while the worker works.
    private func readReply(began: Double) -> Reply {
        var head: [UInt8] = []
        if let failure = read(9, into: &head, began: began) { return failure }
        guard let count = WorkerFrames.length(of: head[1...]) else { return .ended }
        var payload: [UInt8] = []
        if let failure = read(count, into: &payload, began: began) { return failure }
        return .reply(kind: head[0], payload: payload)
    }

    /// Reads `count` bytes; nil when they came, else what stopped them.
    private func read(_ count: Int, into out: inout [UInt8], began: Double) -> Reply? {
        out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            var ready = pollfd(fd: replies, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, 50)
            if polled < 0, errno == EINTR { continue }
            if polled == 0 {
                // Over both budgets (memory grown slowly on a loaded machine), memory is the cause to name.
                if let resident = residentBytes(), resident > budget.memory { return .overMemory }
                if Monotonic.seconds() - began > budget.seconds { return .overTime }
                continue
            }
            let n = out.withUnsafeMutableBytes { buf in buf.baseAddress.map { Glibc.read(replies, $0 + done, count - done) } ?? 0 }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return .ended }
            done += n
        }
        return nil
    }

    /// The worker's resident memory, from /proc.
    private func residentBytes() -> Int? {
        guard let statm = FileManager.default.contents(atPath: "/proc/\(pid)/statm") else { return nil }
        let fields = String(decoding: statm, as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages.multipliedReportingOverflow(by: Int(sysconf(Int32(_SC_PAGESIZE)))).partialValue
    }
}

/// Seconds on a clock that only goes forward, for budgets.
enum Monotonic {
    static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
