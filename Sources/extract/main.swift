import MinutesCLI

PreparedPipeline.start()
Extract.main()
