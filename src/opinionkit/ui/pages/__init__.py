"""The main window's pages and the sections inside them."""
