import MinutesCLI

Extract.main()
