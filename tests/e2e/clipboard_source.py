"""Puts an image on the X clipboard, as a screenshot tool does, and owns it until killed.

Usage: clipboard_source.py IMAGE.png  (prints "ready" once the clipboard holds it)
"""
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
gi.require_version("GdkPixbuf", "2.0")
from gi.repository import Gdk, GdkPixbuf, Gtk  # noqa: E402

pixbuf = GdkPixbuf.Pixbuf.new_from_file(sys.argv[1])
clipboard = Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD)
clipboard.set_image(pixbuf)
print("ready", flush=True)
# The owner of an X selection must stay alive for others to read it.
Gtk.main()
