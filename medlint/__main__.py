from medlint.cli import console_main

console_main()
