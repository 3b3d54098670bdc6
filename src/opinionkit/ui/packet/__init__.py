"""The "Records packet" section: choosing what goes into the packet, and building it off the GUI thread."""
