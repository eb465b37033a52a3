import BundledRules
import Foundation
import MinutesPipeline
import MinutesRules

/// The pipeline of the bundled rules, made on a second thread from the moment
/// the process starts, while the arguments are parsed: making it compiles the
/// heading rules and starts compiling the rest, which is most of what
/// `extract FILE` waits for. A command given `--rules` makes its own.
public enum PreparedPipeline {
    private static let lock = NSCondition()
    nonisolated(unsafe) private static var made: Pipeline?
    nonisolated(unsafe) private static var started = false

    /// Starts making the pipeline when the command line (`arguments`, without
    /// the program's name) will use it: no `--rules` folder, no bulk output, and for `minutes`
    /// (`subcommand`) a command that runs the pipeline. `main` calls this
    /// before parsing the arguments; a guess that misses only costs time.
    public static func start(for arguments: [String], subcommand: Bool) {
        if arguments.contains(where: { $0 == "--rules" || $0.hasPrefix("--rules=") }) { return }
        if subcommand, !["extract", "validate", "segment", "evaluate"].contains(arguments.first ?? "") { return }
        // A bulk run (it always names where results go) extracts in worker processes, which make their own.
        if arguments.contains(where: { ["--jsonl", "--jsonl-input", "--sqlite", "--output-dir"].contains($0.split(separator: "=").first.map(String.init) ?? $0) }) { return }
        start()
    }

    /// Starts making the pipeline, once.
    static func start() {
        lock.lock()
        defer { lock.unlock() }
        guard !started else { return }
        started = true
        Thread.detachNewThread {
            let pipeline = Pipeline(rules: RuleBook.prebuilt(), compilingAhead: true)
            lock.lock()
            made = pipeline
            lock.broadcast()
            lock.unlock()
        }
    }

    /// The pipeline, once made (started now if `start` was not called).
    static func take() -> Pipeline {
        start()
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let made { return made }
            lock.wait()
        }
    }
}
