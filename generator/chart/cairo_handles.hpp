// RAII owners for the Cairo and Pango handles the charts use: every C handle is released once,
// on every path.
#pragma once

#include <memory>

#include <cairo.h>
#include <pango/pangocairo.h>

namespace ss {

struct CairoSurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct GObjectDeleter {
    void operator()(void* o) const { g_object_unref(o); }
};
struct FontDescriptionDeleter {
    void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};

using CairoSurface = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;
using Cairo = std::unique_ptr<cairo_t, CairoDeleter>;
using PangoLayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
using FontDescription = std::unique_ptr<PangoFontDescription, FontDescriptionDeleter>;

} // namespace ss
