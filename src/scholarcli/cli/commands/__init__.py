"""One module per command family; each command is options -> pipeline -> writer."""
