import ArgumentParser
import Foundation
import MinutesCore
import MinutesPipeline

/// `minutes __worker …`: the process a bulk run extracts in. It reads
/// requests on standard input and writes replies on standard output (see
/// `WorkerFrames`) until standard input ends. A document that traps ends only
/// this process; the run records it and starts another (`WorkerLane`).
public struct WorkerCommand: ParsableCommand {
    static let name = "__worker"
    public static let configuration = CommandConfiguration(commandName: name, shouldDisplay: false)

    public init() {}

    @Flag var pretty = false
    @OptionGroup var input: InputOptions
    @OptionGroup var context: ContextOptions
    @OptionGroup var rules: RulesOptions

    /// Runs the worker and exits when the command line asks for one.
    static func serveIfAsked() {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.first == name else { return }
        main(Array(arguments.dropFirst()))
        Foundation.exit(0)
    }

    public func run() throws {
        // Ctrl-C is the parent's to handle: it finishes the documents in hand.
        signal(SIGINT, SIG_IGN)
        let lane = InProcessLane(pipeline: try rules.pipeline(), settings: ExtractionSettings(
            context: context.context, format: input.format, byteLimit: input.maxBytes, pretty: pretty))
        while let request = WorkerFrames.readRequest(from: STDIN_FILENO) {
            #if DEBUG
            FaultInjection.apply(request.bytes)
            #endif
            let reply = lane.extract(bytes: request.bytes, path: request.path)
            guard WorkerFrames.writeReply(reply, to: STDOUT_FILENO) else { return }
        }
    }
}

#if DEBUG
/// Test builds only: a document holding one of these words traps, hangs or
/// grows without end in the worker, so the tests can show that a bulk run
/// survives what no real input should do any more.
enum FaultInjection {
    static func apply(_ bytes: [UInt8]) {
        let text = String(decoding: bytes.prefix(200), as: UTF8.self)
        if text.contains("MINUTES-FAULT-TRAP") {
            let empty: [Int] = []
            _ = empty[empty.count]
        }
        if text.contains("MINUTES-FAULT-HANG") {
            while true { sleep(1) }
        }
        if text.contains("MINUTES-FAULT-MEMORY") {
            var hoard: [[UInt8]] = []
            while hoard.count < 256 {
                hoard.append([UInt8](repeating: 1, count: 64 << 20))
                usleep(10_000)
            }
        }
    }
}
#endif

/// The byte frames between a bulk run and its workers. A request is the
/// document's path and bytes; a reply is its JSON or why it failed.
/// Lengths are little-endian; strings UTF-8.
enum WorkerFrames {
    struct Request {
        var path: String
        var bytes: [UInt8]
    }

    static func writeRequest(path: String, bytes: [UInt8], to fd: Int32) -> Bool {
        var frame: [UInt8] = []
        frame.reserveCapacity(12 + path.utf8.count + bytes.count)
        append(UInt64(path.utf8.count), to: &frame)
        frame += path.utf8
        append(UInt64(bytes.count), to: &frame)
        frame += bytes
        return writeAll(frame, to: fd)
    }

    static func readRequest(from fd: Int32) -> Request? {
        guard let pathLength = readLength(from: fd), let path = readExactly(pathLength, from: fd),
              let count = readLength(from: fd), let bytes = readExactly(count, from: fd) else { return nil }
        return Request(path: String(decoding: path, as: UTF8.self), bytes: bytes)
    }

    /// Kind byte 0 and the JSON, or 1 and the failure as JSON.
    static func writeReply(_ outcome: BulkOutcome, to fd: Int32) -> Bool {
        var frame: [UInt8] = []
        switch outcome {
        case .document(let extracted):
            frame.append(0)
            append(UInt64(extracted.json.count), to: &frame)
            frame += extracted.json
        case .failure(let failure):
            let json = (try? JSONEncoder().encode(failure)) ?? Data()
            frame.append(1)
            append(UInt64(json.count), to: &frame)
            frame += json
        }
        return writeAll(frame, to: fd)
    }

    static func append(_ n: UInt64, to frame: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { frame.append(UInt8(truncatingIfNeeded: n >> UInt64(shift))) }
    }

    static func readLength(from fd: Int32) -> Int? {
        readExactly(8, from: fd).flatMap { length(of: $0[...]) }
    }

    /// The length written by `append` in these 8 bytes; nil past 4 GiB (no
    /// frame is larger than the largest input a run accepts, and that fits in memory).
    static func length(of bytes: ArraySlice<UInt8>) -> Int? {
        let n = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
        return n <= 1 << 32 ? Int(n) : nil
    }

    static func readExactly(_ count: Int, from fd: Int32) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { buf in buf.baseAddress.map { read(fd, $0 + done, count - done) } ?? 0 }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return out
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        Console.writeAll(bytes, to: fd) == nil
    }
}
