"""`python -m scholarcli` runs the command-line tool."""

from scholarcli.cli import main

main()
