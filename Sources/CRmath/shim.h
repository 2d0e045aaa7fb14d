// R's standalone math library: the same pt/qt/pf as R, so p-values match R.
#define MATHLIB_STANDALONE 1
#include <Rmath.h>
