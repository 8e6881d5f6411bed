#include "chart/chart_output.hpp"

#include <cctype>
#include <map>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "chart/cairo_handles.hpp"
#include "core/errors.hpp"

namespace ss {

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void finish(cairo_surface_t* surface, const std::string& what) {
    cairo_surface_finish(surface);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
        throw OutputError(what + ": " + cairo_status_to_string(cairo_surface_status(surface)));
}

} // namespace

namespace {

/// Cairo names SVG surfaces from a process-wide counter (`surface55`), so the same chart drawn in
/// another order, or by another thread, gets other ids. Number them per drawing, in order.
std::string renumber_surfaces(const std::string& svg) {
    std::map<std::string, std::string> numbers;
    std::string out;
    out.reserve(svg.size());
    size_t at = 0;
    for (size_t found; (found = svg.find("surface", at)) != std::string::npos;) {
        size_t end = found + 7;
        while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end]))) ++end;
        out.append(svg, at, found + 7 - at);
        if (end > found + 7) {
            const std::string digits = svg.substr(found + 7, end - found - 7);
            auto [it, added] = numbers.emplace(digits, std::to_string(numbers.size() + 1));
            out += it->second;
        }
        at = end;
    }
    out.append(svg, at);
    return out;
}

} // namespace

std::string inline_svg(std::string svg, const std::string& id_prefix) {
    if (svg.rfind("<?xml", 0) == 0) svg.erase(0, svg.find('\n') + 1);
    svg = renumber_surfaces(svg);
    auto replace_all = [&](const std::string& from, const std::string& to) {
        for (size_t at = 0; (at = svg.find(from, at)) != std::string::npos; at += to.size()) svg.replace(at, from.size(), to);
    };
    replace_all("id=\"", "id=\"" + id_prefix + "-");
    replace_all("href=\"#", "href=\"#" + id_prefix + "-");
    replace_all("url(#", "url(#" + id_prefix + "-");
    // Cairo writes width="480pt" height="220pt": let the page decide the size, keep the shape.
    const size_t tag = svg.find("<svg");
    const size_t width = svg.find(" width=\"", tag);
    const size_t height_end = svg.find('"', svg.find(" height=\"", tag) + 9);
    if (tag != std::string::npos && width != std::string::npos && height_end != std::string::npos)
        svg.replace(width, height_end + 1 - width, " width=\"100%\"");
    return svg;
}

std::string draw_svg(const ChartDrawing& draw, double width, double height, const std::string& id_prefix) {
    std::string svg;
    {
        CairoSurface surface(cairo_svg_surface_create_for_stream(append_to_string, &svg, width, height));
        Cairo cr(cairo_create(surface.get()));
        draw(cr.get());
        cr.reset();
        finish(surface.get(), "chart SVG");
    }
    return inline_svg(std::move(svg), id_prefix);
}

void write_pdf(const ChartDrawing& draw, double width, double height, const std::string& path) {
    CairoSurface surface(cairo_pdf_surface_create(path.c_str(), width, height));
    Cairo cr(cairo_create(surface.get()));
    draw(cr.get());
    cr.reset();
    finish(surface.get(), path);
}

void write_png(const ChartDrawing& draw, double width, double height, const std::string& path) {
    constexpr double zoom = 3.0; // 216 dpi: sharp enough to judge the drawing
    CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(width * zoom),
                                                    static_cast<int>(height * zoom)));
    Cairo cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), zoom, zoom);
    draw(cr.get());
    cr.reset();
    if (cairo_surface_write_to_png(surface.get(), path.c_str()) != CAIRO_STATUS_SUCCESS)
        throw OutputError(path + ": cannot write the PNG");
}

} // namespace ss
