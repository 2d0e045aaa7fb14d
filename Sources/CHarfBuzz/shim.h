// HarfBuzz's OpenType MATH table reader (constants, glyph variants and
// assemblies, italics corrections, top-accent attachments) for the math layout.
#include <hb.h>
#include <hb-ot.h>
