import MinutesCLI

MinutesCommand.main()
