// cairo surfaces (PNG, SVG, PDF) and Pango text layout on cairo.
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
// FcInit, so fontconfig is set up on one thread before any drawing starts.
#include <fontconfig/fontconfig.h>
