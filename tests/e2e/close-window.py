#!/usr/bin/python3
"""Asks every visible top-level window named exactly NAME to close, as a window manager does when
its close button is pressed (a WM_DELETE_WINDOW client message), for the end-to-end tests, which run
under Xvfb with no window manager. Prints how many windows were asked. Usage: close-window.py NAME"""
import sys

from Xlib import X, display, protocol

name = sys.argv[1]
d = display.Display()
delete = d.intern_atom("WM_DELETE_WINDOW")
protocols = d.intern_atom("WM_PROTOCOLS")


def windows(w):
    for child in w.query_tree().children:
        yield child
        yield from windows(child)


asked = 0
for w in windows(d.screen().root):
    try:
        if w.get_wm_name() != name or w.get_attributes().map_state != X.IsViewable:
            continue
        if delete not in (w.get_wm_protocols() or []):
            continue
    except Exception:  # a window that went away while we looked
        continue
    event = protocol.event.ClientMessage(window=w, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
    w.send_event(event, event_mask=X.NoEventMask)
    asked += 1
d.flush()
print(asked)
