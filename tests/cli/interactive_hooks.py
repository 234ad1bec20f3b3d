# A custom sys.displayhook and sys.excepthook are used by the prompt.
