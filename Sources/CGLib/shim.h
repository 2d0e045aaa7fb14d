// GLib, already linked for Pango: its GChecksum gives SHA-256 for the output
// manifest without building a cryptography package.
#include <glib.h>
