import ArgumentParser
import Foundation
import MinutesPipeline
import MinutesText

/// `minutes segment FILE`: shows how the document was cut up.
public struct Segment: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Print the structure the segmenter finds: header, attendance blocks, items, paragraphs, lists, tables.",
        discussion: """
            One block per line, indented under its parent, with the original line
            numbers in brackets and a short excerpt of the normalised text. Item
            headings show their number, title and the rule that found them.

            EXAMPLES
              minutes segment minutes.txt
              minutes segment --input-format html minutes.htm | less

            \(ExitStatus.help)
            """
    )

    @Argument(help: ArgumentHelp("The minutes file, or - for standard input.", valueName: "file"))
    var file: String

    @OptionGroup var input: InputOptions
    @OptionGroup var rules: RulesOptions

    public init() {}

    public func run() throws {
        let pipeline = try rules.pipeline()
        let loaded = try input.load(file)
        let analysis = pipeline.analyse(loaded)
        try Console.write(TreePrinter.print(analysis.tree, analysis.text))
    }
}
