#include "chart/chart_output.hpp"

#include <cairo-pdf.h>

#include "chart/cairo_canvas.hpp"
#include "chart/cairo_handles.hpp"
#include "chart/svg_canvas.hpp"
#include "core/errors.hpp"

namespace ss {

std::string draw_svg(const ChartDrawing& draw, double width, double height, const std::string& id_prefix) {
    SvgCanvas canvas(width, height, id_prefix);
    draw(canvas);
    return canvas.finish();
}

void write_pdf(const ChartDrawing& draw, double width, double height, const std::string& path) {
    CairoSurface surface(cairo_pdf_surface_create(path.c_str(), width, height));
    Cairo cr(cairo_create(surface.get()));
    CairoCanvas canvas(cr.get());
    draw(canvas);
    cr.reset();
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw OutputError(path + ": " + cairo_status_to_string(cairo_surface_status(surface.get())));
}

void write_png(const ChartDrawing& draw, double width, double height, const std::string& path) {
    constexpr double zoom = 3.0; // 216 dpi: sharp enough to judge the drawing
    CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(width * zoom),
                                                    static_cast<int>(height * zoom)));
    Cairo cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), zoom, zoom);
    CairoCanvas canvas(cr.get());
    draw(canvas);
    cr.reset();
    if (cairo_surface_write_to_png(surface.get(), path.c_str()) != CAIRO_STATUS_SUCCESS)
        throw OutputError(path + ": cannot write the PNG");
}

} // namespace ss
