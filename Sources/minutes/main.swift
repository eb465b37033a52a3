import MinutesCLI

PreparedPipeline.start()
MinutesCommand.main()
