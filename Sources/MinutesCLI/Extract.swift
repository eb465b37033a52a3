import ArgumentParser
import Foundation
import MinutesCore
import MinutesPipeline

/// `extract FILE`: the main job, minutes in, JSON out.
public struct Extract: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the meeting, items and amounts of one minutes file as minutes/1 JSON.",
        discussion: """
            Writes one JSON document to standard output. Every field of the minutes/1
            schema is present (empty lists where nothing was found); every value carries
            its span (Unicode scalar offsets into the decoded file, end exclusive, and
            the line) and the id of the rule that produced it. Findings such as a
            missing meeting date go to "diagnostics", not to standard error.

            The input may be UTF-8 (with or without BOM), UTF-16 with a BOM, or
            Windows-1252; text or HTML. Binary files are refused.

            EXAMPLES
              extract minutes.txt > out.json
              extract --pretty minutes.html
              cat minutes.txt | extract - --meeting-date 2017-09-22
              extract --rules my-rules/ minutes.txt

            \(ExitStatus.help)
            """
    )

    @Argument(help: ArgumentHelp("The minutes file, or - for standard input.", valueName: "file"))
    var file: String

    @Flag(help: "Indent the JSON for reading.")
    var pretty = false

    @OptionGroup var input: InputOptions
    @OptionGroup var context: ContextOptions
    @OptionGroup var rules: RulesOptions

    public init() {}

    public func run() throws {
        let pipeline = Pipeline(rules: try rules.book())
        let document = pipeline.analyse(try input.load(file), context: context.context).document
        try Console.write(Emitter.json(document, pretty: pretty))
    }
}
