import ArgumentParser
import Foundation
import MinutesCore
import MinutesPipeline
import MinutesStore

/// `extract FILE…`: the main job, minutes in, JSON out; one file, or a whole archive.
public struct Extract: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract minutes as minutes/1 JSON: one file to standard output, or whole archives.",
        discussion: """
            With one file, writes one JSON document to standard output. Every field of
            the minutes/1 schema is present (empty lists where nothing was found); every
            value carries its span (Unicode scalar offsets into the decoded file, end
            exclusive, and the line) and the id of the rule that produced it. Findings
            such as a missing meeting date go to "diagnostics", not to standard error.

            The input may be UTF-8 (with or without BOM), UTF-16 with a BOM, or
            Windows-1252; text or HTML. Binary files are refused.

            BULK RUNS
            Give folders (walked recursively for .txt, .text, .htm and .html files, in
            path order), several files, --files-from, or --jsonl-input, and say where the
            results go:
              --output-dir DIR   one JSON per input, in the same tree (x.txt → DIR/x.json),
                                 each written to a temporary file and renamed into place
              --jsonl            one JSON document per line on standard output
              --sqlite FILE      tables documents, people, attendance, items, decisions,
                                 actions, action_owners, amounts, dates, diagnostics, errors
            A file that cannot be read, is binary or undecodable becomes an error record
            (a JSONL line {"path", "error": {"code", "message"}}, a row of the errors table,
            a line on standard error) and the run goes on. Each job extracts in a worker
            process: a document that crashes it (extractor-crashed), runs past --timeout
            seconds (time-limit, default 120) or takes more than --max-memory megabytes
            (memory-limit, default 2048) costs that document only; --resume skips it.
            A link to a folder is followed once (a loop ends there). Results come in input order
            whatever --jobs is. Ctrl-C stops after the files in hand; no output file is
            left half-written. A progress line shows on standard error when it is a
            terminal (--quiet silences it).

            EXAMPLES
              extract minutes.txt > out.json
              extract --pretty minutes.html
              cat minutes.txt | extract - --meeting-date 2017-09-22
              minutes extract archive/ --output-dir out/
              minutes extract archive/ --jsonl > all.jsonl
              find archive -name '*.txt' | minutes extract --files-from - --jsonl
              minutes extract archive/ --sqlite minutes.db --resume
              cat docs.jsonl | minutes extract --jsonl-input - > out.jsonl

            EXIT STATUS
              0   success (in a bulk run: every input was extracted)
              1   a bulk run finished, but some inputs could not be used (see the errors)
              64  usage error: an unknown option or a value in the wrong form
              65  the input is not usable text (binary, undecodable, over --max-bytes)
              66  the input file does not exist or cannot be read
              74  the output could not be written
              78  a rule file is invalid; the message names file, line and reason
              130 interrupted (Ctrl-C); what was finished is written
            """
    )

    @Argument(help: ArgumentHelp("Minutes files or folders, or - for standard input.", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Indent the JSON for reading (single file and --output-dir).")
    var pretty = false

    @OptionGroup var bulk: BulkOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var context: ContextOptions
    @OptionGroup var rules: RulesOptions

    public init() {}

    public func validate() throws {
        if paths.isEmpty && bulk.filesFrom == nil && bulk.jsonlInput == nil {
            throw ValidationError("give a minutes file, a folder, --files-from or --jsonl-input")
        }
        if bulk.isBulk(paths) && !bulk.hasOutput {
            throw ValidationError("several inputs need somewhere to go: --output-dir DIR, --jsonl or --sqlite FILE")
        }
        if bulk.resume && bulk.sqlite == nil {
            throw ValidationError("--resume works with --sqlite: it skips documents already stored")
        }
    }

    public func run() throws {
        guard bulk.isBulk(paths) else {
            let pipeline = try rules.pipeline()
            let document = pipeline.analyse(try input.load(paths[0]), context: context.context).document
            try Console.write(Emitter.json(document, pretty: pretty))
            return
        }
        // The workers make their own pipelines; a broken rule file stops the run before any starts.
        if !rules.folders.isEmpty { _ = try rules.book() }
        try BulkCommand(options: bulk, paths: paths, pretty: pretty, input: input, context: context.context,
                        workerArguments: rules.arguments + context.arguments).run()
    }
}
