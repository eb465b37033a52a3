import MinutesCLI

PreparedPipeline.start(for: Array(CommandLine.arguments.dropFirst()), subcommand: true)
MinutesCommand.main()
