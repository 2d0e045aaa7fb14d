// giflib: the GIF container (LZW coding, frames, the NETSCAPE2.0 loop block).
#include <gif_lib.h>
