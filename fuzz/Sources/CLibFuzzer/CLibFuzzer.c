/* Declarations only; the definitions come from the toolchain's libFuzzer. */
#include "CLibFuzzer.h"
