import ArgumentParser

/// Exit statuses of every command; documented in the help and the README.
public enum ExitStatus {
    /// Rule examples failed (`rules test`), or scores fell below `--min-f1` (`evaluate`).
    public static let checkFailed = ExitCode(1)
    /// The input is not usable text: binary, undecodable, or over the size limit.
    public static let badInput = ExitCode(65)
    /// The input file does not exist or cannot be read.
    public static let noInput = ExitCode(66)
    /// The output could not be written.
    public static let cannotWrite = ExitCode(74)
    /// A rule file is invalid (unknown key, missing field, pattern that does not compile).
    public static let badRules = ExitCode(78)

    static let help = """
        EXIT STATUS
          0   success
          1   rule examples failed (rules test) or a score fell below --min-f1 (evaluate)
          64  usage error: an unknown option or a value in the wrong form
          65  the input is not usable text (binary, undecodable, over --max-bytes)
          66  the input file does not exist or cannot be read
          74  the output could not be written
          78  a rule file is invalid; the message names file, line and reason
        """
}

/// `minutes`: the full tool, one subcommand per job.
public struct MinutesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Turn the minutes of public meetings into structured data.",
        discussion: """
            Reads minutes as text or HTML and writes JSON in the minutes/1 schema: the
            meeting (body, date, times, venue), the people and who attended, the
            agenda items, the decisions with the motions behind them (proposer,
            seconder, votes, outcome), the actions with owners and due dates, the sums
            of money and the dates named, each value with its span in the original
            file and the id of the rule that found it, and validation findings.

            EXAMPLES
              minutes extract minutes.txt > out.json
              minutes validate minutes.txt
              minutes segment minutes.txt
              minutes evaluate Corpus/
              minutes rules test

            \(ExitStatus.help)
            """,
        version: "0.1.0",
        subcommands: [Extract.self, Validate.self, Segment.self, Evaluate.self, RulesCommand.self]
    )

    public init() {}
}
