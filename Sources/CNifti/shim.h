// The NIfTI-1/NIfTI-2 reference library (nifti_clib 3, Debian's libnifti2-dev):
// header parsing, qform/sform, byte order and gzip through znzlib.
//
// Debian installs its headers under /usr/include/nifti/ with no pkg-config file,
// and nifti2_io.h includes <znzlib.h> from that folder, which no system-library
// target can put on the include path. So the few declarations glmviz calls are
// repeated here, copied from nifti2_io.h (public domain). The struct layout is
// that of nifti_clib 3.x; NIfTIFileTests read images of known size and geometry,
// which would fail at once if it drifted.
#include <stddef.h>
#include <stdint.h>

#define GLMVIZ_DT_FLOAT32 16

typedef struct { double m[4][4]; } nifti_dmat44;

typedef struct {                /*!< Image storage struct **/

  int64_t ndim ;                /*!< last dimension greater than 1 (1..7) */
  int64_t nx ;                  /*!< dimensions of grid array             */
  int64_t ny ;                  /*!< dimensions of grid array             */
  int64_t nz ;                  /*!< dimensions of grid array             */
  int64_t nt ;                  /*!< dimensions of grid array             */
  int64_t nu ;                  /*!< dimensions of grid array             */
  int64_t nv ;                  /*!< dimensions of grid array             */
  int64_t nw ;                  /*!< dimensions of grid array             */
  int64_t dim[8] ;              /*!< dim[0]=ndim, dim[1]=nx, etc.         */
  int64_t nvox ;                /*!< number of voxels = nx*ny*nz*...*nw   */
  int nbyper ;                  /*!< bytes per voxel, matches datatype    */
  int datatype ;                /*!< type of data in voxels: DT_* code    */

  double dx ;                   /*!< grid spacings      */
  double dy ;                   /*!< grid spacings      */
  double dz ;                   /*!< grid spacings      */
  double dt ;                   /*!< grid spacings      */
  double du ;                   /*!< grid spacings      */
  double dv ;                   /*!< grid spacings      */
  double dw ;                   /*!< grid spacings      */
  double pixdim[8] ;            /*!< pixdim[1]=dx, etc. */

  double scl_slope ;            /*!< scaling parameter - slope        */
  double scl_inter ;            /*!< scaling parameter - intercept    */

  double cal_min ;              /*!< calibration parameter, minimum   */
  double cal_max ;              /*!< calibration parameter, maximum   */

  int qform_code ;              /*!< codes for (x,y,z) space meaning  */
  int sform_code ;              /*!< codes for (x,y,z) space meaning  */

  int freq_dim  ;               /*!< indexes (1,2,3, or 0) for MRI    */
  int phase_dim ;               /*!< directions in dim[]/pixdim[]     */
  int slice_dim ;               /*!< directions in dim[]/pixdim[]     */

  int     slice_code  ;         /*!< code for slice timing pattern    */
  int64_t slice_start ;         /*!< index for start of slices        */
  int64_t slice_end   ;         /*!< index for end of slices          */
  double  slice_duration ;      /*!< time between individual slices   */

  /*! quaternion transform parameters
    [when writing a dataset, these are used for qform, NOT qto_xyz]   */
  double quatern_b , quatern_c , quatern_d ,
         qoffset_x , qoffset_y , qoffset_z ,
         qfac      ;

  nifti_dmat44 qto_xyz ;        /*!< qform: transform (i,j,k) to (x,y,z) */
  nifti_dmat44 qto_ijk ;        /*!< qform: transform (x,y,z) to (i,j,k) */

  nifti_dmat44 sto_xyz ;        /*!< sform: transform (i,j,k) to (x,y,z) */
  nifti_dmat44 sto_ijk ;        /*!< sform: transform (x,y,z) to (i,j,k) */

  double toffset ;              /*!< time coordinate offset */

  int xyz_units  ;              /*!< dx,dy,dz units: NIFTI_UNITS_* code  */
  int time_units ;              /*!< dt       units: NIFTI_UNITS_* code  */

  int nifti_type ;              /*!< see NIFTI_FTYPE_* codes, below:
                                        0==ANALYZE,
                                        1==NIFTI-1     (1 file),
                                        2==NIFTI-1     (2 files),
                                        3==NIFTI-ASCII (1 file)
                                        4==NIFTI-2     (1 file),
                                        5==NIFTI-2     (2 files) */

  int    intent_code ;          /*!< statistic type (or something)       */
  double intent_p1 ;            /*!< intent parameters                   */
  double intent_p2 ;            /*!< intent parameters                   */
  double intent_p3 ;            /*!< intent parameters                   */
  char   intent_name[16] ;      /*!< optional description of intent data */

  char descrip[80]  ;           /*!< optional text to describe dataset   */
  char aux_file[24] ;           /*!< auxiliary filename                  */

  char *fname ;                 /*!< header filename (.hdr or .nii)         */
  char *iname ;                 /*!< image filename  (.img or .nii)         */
  int64_t iname_offset ;        /*!< offset into iname where data starts    */
  int   swapsize ;              /*!< swap unit in image data (might be 0)   */
  int   byteorder ;             /*!< byte order on disk (MSB_ or LSB_FIRST) */
  void *data ;                  /*!< pointer to data: nbyper*nvox bytes     */

  int                num_ext ;  /*!< number of extensions in ext_list       */
  void * ext_list ; /*!< array of extension structs (with data) */
  int analyze75_orient; /*!< for old analyze files, orient */

} nifti_image ;

nifti_image *nifti_image_read(const char *hname, int read_data);
int nifti_image_load(nifti_image *nim);
void nifti_image_free(nifti_image *nim);
void nifti_image_write(nifti_image *nim);
void nifti_set_debug_level(int level);
int nifti_is_gzfile(const char *fname);
nifti_image *nifti_make_new_nim(const int64_t dims[], int datatype, int data_fill);
int nifti_set_filenames(nifti_image *nim, const char *prefix, int check, int set_byte_order);
void nifti_dmat44_to_quatern(nifti_dmat44 R, double *qb, double *qc, double *qd,
                             double *qx, double *qy, double *qz,
                             double *dx, double *dy, double *dz, double *qfac);
void nifti_set_iname_offset(nifti_image *nim, int nifti_ver);
void *nifti_read_header(const char *hname, int *nver, int check);
int nifti_convert_nim2n2hdr(const nifti_image *nim, void *nifti_2_header_540_bytes);

// znzlib (plain or gzipped files), from znzlib.h: nifti_clib 3.0.1 cannot write
// a single-file NIfTI-2 image (nifti_set_iname_offset puts its data at byte 0), so
// glmviz writes that header and the data itself through these.
typedef struct znzptr *znzFile;
znzFile znzopen(const char *path, const char *mode, int use_compression);
size_t znzwrite(const void *buf, size_t size, size_t nmemb, znzFile file);
// Reading the data a slab at a time (so a series is never held twice, once as
// stored and once as Float32): znzlib's read and seek (znz_off_t is off_t, a long
// on the 64-bit systems glmviz builds for), and nifti2_io's byte swapping.
size_t znzread(void *buf, size_t size, size_t nmemb, znzFile file);
long znzseek(znzFile file, long offset, int whence);
int nifti_short_order(void);
void nifti_swap_Nbytes(int64_t n, int siz, void *ar);
int Xznzclose(znzFile *file);
void nifti_image_unload(nifti_image *nim);
