// LAPACK from OpenBLAS, opened on first use rather than linked.
//
// Loading OpenBLAS binds some 17 000 symbols, which was most of glmviz's
// start-up even for commands that never fit a model (`--version`, `list`,
// drawing). So the library is dlopen()ed when a routine is first called.
// OpenBLAS carries LAPACK itself, so its Fortran routines are called directly:
// going through liblapacke and liblapack as well cost another 2 MiB of resident
// memory in every lesson for four thin wrappers. Each glmviz_* function keeps
// LAPACKE's calling convention (column-major only), queries and allocates the
// workspace, refuses NaN input as LAPACKE does, and returns LAPACK's info, or
// GLMVIZ_LAPACK_UNAVAILABLE when no library could be loaded.
#include <lapacke.h>
#include <lapack.h>
#include <dlfcn.h>
#include <math.h>
#include <stdlib.h>

/// The info code returned when no LAPACK library can be loaded (LAPACK's own
/// codes are small: minus an argument position, or a count of failures).
#define GLMVIZ_LAPACK_UNAVAILABLE (-100000)
/// The info code for a workspace that could not be allocated (as LAPACKE).
#define GLMVIZ_LAPACK_NO_MEMORY (-1010)

/// `name` in OpenBLAS (or, failing that, the system's LAPACK), or NULL.
/// dlopen is thread-safe and returns the same handle once a library is
/// loaded, so no state is kept here.
static inline void *glmviz_lapack_symbol(const char *name) {
    void *library = dlopen("libopenblas.so.0", RTLD_LAZY | RTLD_LOCAL);
    if (library == NULL) library = dlopen("liblapack.so.3", RTLD_LAZY | RTLD_LOCAL);
    return library == NULL ? NULL : dlsym(library, name);
}

/// Whether the m × n column-major matrix at `a` holds a NaN.
static inline int glmviz_has_nan(lapack_int m, lapack_int n, const double *a, lapack_int lda) {
    for (lapack_int j = 0; j < n; j++)
        for (lapack_int i = 0; i < m; i++)
            if (isnan(a[i + (size_t)j * lda])) return 1;
    return 0;
}

/// A workspace of the size a query (lwork = -1) returned in `query`.
static inline double *glmviz_workspace(double query, lapack_int *lwork) {
    *lwork = query < 1 ? 1 : (lapack_int)query;
    return (double *)malloc(sizeof(double) * (size_t)*lwork);
}

static inline lapack_int glmviz_dgeqrf(int layout, lapack_int m, lapack_int n, double *a, lapack_int lda,
                                       double *tau) {
    if (layout != LAPACK_COL_MAJOR) return -1;
    __typeof__(LAPACK_dgeqrf) *f = (__typeof__(LAPACK_dgeqrf) *)glmviz_lapack_symbol("dgeqrf_");
    if (f == NULL) return GLMVIZ_LAPACK_UNAVAILABLE;
    if (glmviz_has_nan(m, n, a, lda)) return -4;
    lapack_int info = 0, lwork = -1;
    double query = 0;
    f(&m, &n, a, &lda, tau, &query, &lwork, &info);
    if (info != 0) return info;
    double *work = glmviz_workspace(query, &lwork);
    if (work == NULL) return GLMVIZ_LAPACK_NO_MEMORY;
    f(&m, &n, a, &lda, tau, work, &lwork, &info);
    free(work);
    return info;
}

static inline lapack_int glmviz_dormqr(int layout, char side, char trans, lapack_int m, lapack_int n,
                                       lapack_int k, const double *a, lapack_int lda, const double *tau,
                                       double *c, lapack_int ldc) {
    if (layout != LAPACK_COL_MAJOR) return -1;
    __typeof__(LAPACK_dormqr_base) *f = (__typeof__(LAPACK_dormqr_base) *)glmviz_lapack_symbol("dormqr_");
    if (f == NULL) return GLMVIZ_LAPACK_UNAVAILABLE;
    lapack_int rows_of_a = (side == 'L' || side == 'l') ? m : n;
    if (glmviz_has_nan(rows_of_a, k, a, lda)) return -7;
    if (glmviz_has_nan(m, n, c, ldc)) return -10;
    lapack_int info = 0, lwork = -1;
    double query = 0;
    f(&side, &trans, &m, &n, &k, a, &lda, tau, c, &ldc, &query, &lwork, &info, 1, 1);
    if (info != 0) return info;
    double *work = glmviz_workspace(query, &lwork);
    if (work == NULL) return GLMVIZ_LAPACK_NO_MEMORY;
    f(&side, &trans, &m, &n, &k, a, &lda, tau, c, &ldc, work, &lwork, &info, 1, 1);
    free(work);
    return info;
}

static inline lapack_int glmviz_dgesdd(int layout, char jobz, lapack_int m, lapack_int n, double *a,
                                       lapack_int lda, double *s, double *u, lapack_int ldu, double *vt,
                                       lapack_int ldvt) {
    if (layout != LAPACK_COL_MAJOR) return -1;
    __typeof__(LAPACK_dgesdd_base) *f = (__typeof__(LAPACK_dgesdd_base) *)glmviz_lapack_symbol("dgesdd_");
    if (f == NULL) return GLMVIZ_LAPACK_UNAVAILABLE;
    if (glmviz_has_nan(m, n, a, lda)) return -5;
    lapack_int smaller = m < n ? m : n;
    lapack_int *iwork = (lapack_int *)malloc(sizeof(lapack_int) * (size_t)(8 * (smaller > 1 ? smaller : 1)));
    if (iwork == NULL) return GLMVIZ_LAPACK_NO_MEMORY;
    lapack_int info = 0, lwork = -1;
    double query = 0;
    f(&jobz, &m, &n, a, &lda, s, u, &ldu, vt, &ldvt, &query, &lwork, iwork, &info, 1);
    if (info == 0) {
        double *work = glmviz_workspace(query, &lwork);
        if (work == NULL) {
            info = GLMVIZ_LAPACK_NO_MEMORY;
        } else {
            f(&jobz, &m, &n, a, &lda, s, u, &ldu, vt, &ldvt, work, &lwork, iwork, &info, 1);
            free(work);
        }
    }
    free(iwork);
    return info;
}

static inline lapack_int glmviz_dsyev(int layout, char jobz, char uplo, lapack_int n, double *a,
                                      lapack_int lda, double *w) {
    if (layout != LAPACK_COL_MAJOR) return -1;
    __typeof__(LAPACK_dsyev_base) *f = (__typeof__(LAPACK_dsyev_base) *)glmviz_lapack_symbol("dsyev_");
    if (f == NULL) return GLMVIZ_LAPACK_UNAVAILABLE;
    if (glmviz_has_nan(n, n, a, lda)) return -5;
    lapack_int info = 0, lwork = -1;
    double query = 0;
    f(&jobz, &uplo, &n, a, &lda, w, &query, &lwork, &info, 1, 1);
    if (info != 0) return info;
    double *work = glmviz_workspace(query, &lwork);
    if (work == NULL) return GLMVIZ_LAPACK_NO_MEMORY;
    f(&jobz, &uplo, &n, a, &lda, w, work, &lwork, &info, 1, 1);
    free(work);
    return info;
}
