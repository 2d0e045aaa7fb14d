// LAPACKE (the C interface to LAPACK), backed by OpenBLAS on Debian.
#include <lapacke.h>
