"""Services: everything the window, the command line and the tests do with the data."""
