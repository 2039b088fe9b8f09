#!/usr/bin/python3
"""A small GTK window that offers files as a drag (text/uri-list), like a file manager does.

Usage: drag_source.py X Y FILE...   The window is placed at X,Y (50x50) and titled
"copy-that-drag-source"; it exits when a drag ends or after 60 s.
"""
import sys
from urllib.parse import quote

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402

x, y, files = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
uris = ["file://" + quote(f) for f in files]

win = Gtk.Window(title="copy-that-drag-source")
win.set_default_size(50, 50)
win.move(x, y)
box = Gtk.EventBox()
box.add(Gtk.Label(label="drag"))
win.add(box)
box.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
box.drag_source_add_uri_targets()
box.connect("drag-data-get", lambda _w, _c, data, _i, _t: data.set_uris(uris))
box.connect("drag-end", lambda *_: GLib.timeout_add(300, Gtk.main_quit))
win.connect("destroy", Gtk.main_quit)
GLib.timeout_add_seconds(60, Gtk.main_quit)
win.show_all()
print("ready", flush=True)
Gtk.main()
