"""Saves what an X window shows as a PNG, read from the X server as a screenshot tool does.

Usage: window_shot.py WINDOW_ID OUT.png

WebKitWebDriver's own screenshot asks WebKit for a snapshot, which never answers when WebKit
rasterizes on the CPU (the app's choice on a machine without a GPU, as here); the X server has
the pixels either way.
"""
import sys

import gi

gi.require_version("Gdk", "3.0")
gi.require_version("GdkX11", "3.0")
from gi.repository import Gdk, GdkX11  # noqa: E402

display = Gdk.Display.get_default()
window = GdkX11.X11Window.foreign_new_for_display(display, int(sys.argv[1]))
if window is None:
    sys.exit(f"no window {sys.argv[1]}")
width, height = window.get_width(), window.get_height()
pixbuf = Gdk.pixbuf_get_from_window(window, 0, 0, width, height)
if pixbuf is None:
    sys.exit(f"window {sys.argv[1]} ({width}×{height}) could not be read")
pixbuf.savev(sys.argv[2], "png", [], [])
