// LAPACKE (the C interface to LAPACK), backed by OpenBLAS on Debian.
//
// The library is opened on first use rather than linked: loading OpenBLAS binds
// some 17 000 symbols, which was most of glmviz's start-up even for commands that
// never fit a model (`--version`, `list`, drawing). Only the declarations come
// from lapacke.h; each glmviz_* wrapper looks its routine up in liblapacke and
// calls it, or returns GLMVIZ_LAPACK_UNAVAILABLE when the library is missing.
#include <lapacke.h>
#include <dlfcn.h>
#include <stddef.h>

/// The info code returned when liblapacke cannot be loaded (LAPACK's own codes
/// are small: minus an argument position, or a count of failures).
#define GLMVIZ_LAPACK_UNAVAILABLE (-100000)

/// `name` in liblapacke, or NULL. dlopen is thread-safe and returns the same
/// handle once the library is loaded, so no state is kept here.
static inline void *glmviz_lapacke_symbol(const char *name) {
    void *library = dlopen("liblapacke.so.3", RTLD_LAZY | RTLD_LOCAL);
    if (library == NULL) library = dlopen("liblapacke.so", RTLD_LAZY | RTLD_LOCAL);
    return library == NULL ? NULL : dlsym(library, name);
}

static inline lapack_int glmviz_dgeqrf(int layout, lapack_int m, lapack_int n, double *a, lapack_int lda,
                                       double *tau) {
    typedef lapack_int (*routine)(int, lapack_int, lapack_int, double *, lapack_int, double *);
    routine f = (routine)glmviz_lapacke_symbol("LAPACKE_dgeqrf");
    return f == NULL ? GLMVIZ_LAPACK_UNAVAILABLE : f(layout, m, n, a, lda, tau);
}

static inline lapack_int glmviz_dormqr(int layout, char side, char trans, lapack_int m, lapack_int n,
                                       lapack_int k, const double *a, lapack_int lda, const double *tau,
                                       double *c, lapack_int ldc) {
    typedef lapack_int (*routine)(int, char, char, lapack_int, lapack_int, lapack_int, const double *,
                                  lapack_int, const double *, double *, lapack_int);
    routine f = (routine)glmviz_lapacke_symbol("LAPACKE_dormqr");
    return f == NULL ? GLMVIZ_LAPACK_UNAVAILABLE : f(layout, side, trans, m, n, k, a, lda, tau, c, ldc);
}

static inline lapack_int glmviz_dgesdd(int layout, char jobz, lapack_int m, lapack_int n, double *a,
                                       lapack_int lda, double *s, double *u, lapack_int ldu, double *vt,
                                       lapack_int ldvt) {
    typedef lapack_int (*routine)(int, char, lapack_int, lapack_int, double *, lapack_int, double *,
                                  double *, lapack_int, double *, lapack_int);
    routine f = (routine)glmviz_lapacke_symbol("LAPACKE_dgesdd");
    return f == NULL ? GLMVIZ_LAPACK_UNAVAILABLE : f(layout, jobz, m, n, a, lda, s, u, ldu, vt, ldvt);
}

static inline lapack_int glmviz_dsyev(int layout, char jobz, char uplo, lapack_int n, double *a,
                                      lapack_int lda, double *w) {
    typedef lapack_int (*routine)(int, char, char, lapack_int, double *, lapack_int, double *);
    routine f = (routine)glmviz_lapacke_symbol("LAPACKE_dsyev");
    return f == NULL ? GLMVIZ_LAPACK_UNAVAILABLE : f(layout, jobz, uplo, n, a, lda, w);
}
