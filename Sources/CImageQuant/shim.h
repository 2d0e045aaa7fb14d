// libimagequant: palette quantisation with dithering, so antialiased lines and
// text survive the 256-colour limit of GIF.
#include <libimagequant.h>
