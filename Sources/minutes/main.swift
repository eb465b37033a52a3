import MinutesCLI

Launch.prepare()
PreparedPipeline.start(for: Array(CommandLine.arguments.dropFirst()), subcommand: true)
MinutesCommand.main()
