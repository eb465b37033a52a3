import Foundation
import MinutesCore

/// What became of one input in a bulk run.
public enum BulkOutcome: Sendable {
    case document(ExtractedDocument)
    /// The input could not be read or is not text; the run goes on.
    case failure(BulkFailure)
}

/// An input a bulk run could not use, with why (the same message `extract` prints).
public struct BulkFailure: Error, Sendable, Codable, Equatable {
    public var path: String
    /// `no-input`, `bad-input`, `too-large`, or where extraction itself failed
    /// (`BulkFailure.extractionCodes`) `extractor-crashed`, `time-limit`, `memory-limit`.
    public var code: String
    public var message: String
    /// The SHA-256 of the bytes, where extraction failed on them: `--resume`
    /// does not try them again.
    public var sha256: String?

    public init(path: String, code: String, message: String, sha256: String? = nil) {
        self.path = path
        self.code = code
        self.message = message
        self.sha256 = sha256
    }

    /// The codes of documents that were read but stopped the extractor.
    public static let extractionCodes: Set<String> = ["extractor-crashed", "time-limit", "memory-limit"]
}

/// Runs many inputs through `jobs` lanes at once and hands the results to
/// `emit` in input order, so a parallel run writes exactly what a serial one
/// does. Inputs are read a window (32 per job) at a time: memory stays
/// bounded by the window, whatever the archive's size.
public struct BulkRunner: Sendable {
    public let jobs: Int
    public let byteLimit: Int
    let lanes: [any ExtractionLane]

    /// `makeLane` is called once per job; the lanes are closed when the run ends.
    public init(jobs: Int, byteLimit: Int = Loader.defaultByteLimit, makeLane: () -> any ExtractionLane) {
        self.jobs = max(1, jobs)
        self.byteLimit = byteLimit
        lanes = (0..<max(1, jobs)).map { _ in makeLane() }
    }

    /// Extraction in this process (the library's tests; a document that traps ends the run).
    public init(pipeline: Pipeline, jobs: Int, settings: ExtractionSettings = ExtractionSettings()) {
        self.init(jobs: jobs, byteLimit: settings.byteLimit) { InProcessLane(pipeline: pipeline, settings: settings) }
    }

    /// Processes `inputs`; `shouldStop` is asked between windows (Ctrl-C),
    /// `emit` gets every outcome in order with the input and its size in bytes.
    public func run<S: Sequence>(_ inputs: S, shouldStop: () -> Bool = { false },
                                 emit: (BulkInput, BulkOutcome, Int) throws -> Void) rethrows where S.Element == BulkInput {
        defer { lanes.forEach { $0.close() } }
        var iterator = inputs.makeIterator()
        // Large enough that the wait for the slowest document in a window is small.
        let window = jobs * 32
        while !shouldStop() {
            var batch: [BulkInput] = []
            while batch.count < window, let next = iterator.next() { batch.append(next) }
            if batch.isEmpty { break }
            let results = process(batch, shouldStop: shouldStop)
            // After a stop, only the documents finished before it (in order) are emitted.
            for (input, result) in zip(batch, results) {
                try emit(input, result.outcome, result.bytes)
            }
            if results.count < batch.count { break }
        }
    }

    /// One window, in parallel: thread `t` works through lane `t`.
    func process(_ batch: [BulkInput], shouldStop: () -> Bool = { false }) -> [(outcome: BulkOutcome, bytes: Int)] {
        let slots = ResultSlots(count: batch.count)
        // Each thread takes the next document not yet taken, so a long one does not
        // hold up the rest; after a stop no new one is taken.
        withoutActuallyEscaping(shouldStop) { stop in
            let stopBox = StopBox(stop)
            DispatchQueue.concurrentPerform(iterations: min(jobs, batch.count)) { t in
                while !stopBox.check(), let i = slots.take() {
                    slots.set(i, one(batch[i], in: lanes[t]))
                }
            }
        }
        return slots.values
    }

    /// One input, start to finish.
    func one(_ input: BulkInput, in lane: any ExtractionLane) -> (outcome: BulkOutcome, bytes: Int) {
        let bytes: [UInt8]
        let path: String
        switch input {
        case .invalid(let name, let code, let message):
            return (.failure(BulkFailure(path: name, code: code, message: message)), 0)
        case .inline(let id, let text):
            bytes = Array(text.utf8)
            path = id
        case .read(_, let display, let read):
            bytes = read
            path = display
        case .file(let file, let display):
            path = display
            do {
                bytes = try Loader.read(path: file, byteLimit: byteLimit)
            } catch {
                let size = if case .tooLarge(let n?, _) = error { n } else { 0 }
                return (.failure(BulkFailure(path: display, code: error.code, message: error.message)), size)
            }
        }
        var outcome = lane.extract(bytes: bytes, path: path)
        if case .failure(var failure) = outcome, BulkFailure.extractionCodes.contains(failure.code) {
            failure.path = path
            failure.sha256 = Loader.sha256(bytes)
            outcome = .failure(failure)
        }
        return (outcome, bytes.count)
    }
}

/// Results written by several threads, each to its own slot.
final class ResultSlots: @unchecked Sendable {
    private var storage: [(outcome: BulkOutcome, bytes: Int)?]
    private var next = 0
    private let lock = NSLock()

    /// The next index no thread has taken, or nil when all are taken.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < storage.count else { return nil }
        next += 1
        return next - 1
    }

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func set(_ i: Int, _ value: (outcome: BulkOutcome, bytes: Int)) {
        lock.lock()
        storage[i] = value
        lock.unlock()
    }

    /// The results finished, up to the first one not taken.
    var values: [(outcome: BulkOutcome, bytes: Int)] {
        lock.lock()
        defer { lock.unlock() }
        return Array(storage.prefix { $0 != nil }.map { $0! })
    }
}

/// The stop question, asked from several threads.
final class StopBox: @unchecked Sendable {
    let check: () -> Bool
    init(_ check: @escaping () -> Bool) { self.check = check }
}
