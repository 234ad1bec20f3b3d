greeting = "hello
