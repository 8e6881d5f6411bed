// The deflate level of what the program's libraries compress: zlib's fastest (1) instead of its
// default (6), for Cairo's PDF streams and libxlsxwriter's zip. Neither library has a setting for it
// (Cairo 1.16, libxlsxwriter 1.1.4 in Debian 12), so the program defines the two entry points they
// call and passes each call on with level 1 (docs/performance.md, "Rendering", 2026-12-03).
// This file is linked into the program itself, not the core library: a function the executable
// defines (and exports, CMakeLists.txt) is the one every shared library's call resolves to.
#include <dlfcn.h>
#include <zlib.h>

namespace {

/// zlib's level 1: deflate's fast path. A national run 15.4 -> 14.0 s; workbooks a fifth larger,
/// PDFs a twentieth.
constexpr int deflate_level = 1;

/// The library's own definition of `name`: the next one after the program's in lookup order.
template <typename Function>
Function* next_definition(const char* name) {
    return reinterpret_cast<Function*>(dlsym(RTLD_NEXT, name));
}

} // namespace

extern "C" {

// Cairo's PDF surface compresses every content stream and font with deflateInit(..., Z_DEFAULT_COMPRESSION).
int deflateInit_(z_streamp stream, int /*level*/, const char* version, int stream_size) {
    using Init = int(z_streamp, int, const char*, int);
    static Init* const zlib_init = next_definition<Init>("deflateInit_");
    if (!zlib_init) return Z_VERSION_ERROR;
    return zlib_init(stream, deflate_level, version, stream_size);
}

// libxlsxwriter adds each part of a workbook through minizip with Z_DEFAULT_COMPRESSION. minizip's
// zip.h is not installed with the library; its types are a pointer, pointers, uInt and uLong.
int zipOpenNewFileInZip4_64(void* file, const char* filename, const void* file_info, const void* extrafield_local,
                            unsigned size_extrafield_local, const void* extrafield_global,
                            unsigned size_extrafield_global, const char* comment, int method, int /*level*/,
                            int raw, int window_bits, int mem_level, int strategy, const char* password,
                            unsigned long crc_for_crypting, unsigned long version_made_by, unsigned long flag_base,
                            int zip64) {
    using Open = int(void*, const char*, const void*, const void*, unsigned, const void*, unsigned, const char*, int,
                     int, int, int, int, int, const char*, unsigned long, unsigned long, unsigned long, int);
    static Open* const minizip_open = next_definition<Open>("zipOpenNewFileInZip4_64");
    if (!minizip_open) return -104; // ZIP_INTERNALERROR: libxlsxwriter reports the workbook as not written
    return minizip_open(file, filename, file_info, extrafield_local, size_extrafield_local, extrafield_global,
                        size_extrafield_global, comment, method, deflate_level, raw, window_bits, mem_level,
                        strategy, password, crc_for_crypting, version_made_by, flag_base, zip64);
}

} // extern "C"
