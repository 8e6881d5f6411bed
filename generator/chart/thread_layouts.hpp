// Pango layouts of a PDF's texts and its charts' labels kept per worker thread across the
// documents it draws: shaping text was a quarter of a report's PDF time, and headings, labels, KPI
// names, table headers and axis labels repeat from one municipality's report to the next.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "chart/cairo_handles.hpp"

namespace ss {

/// Layouts in one Pango context per thread. Before each use the context is brought to the Cairo
/// context drawn on (pango_cairo_update_context) when that differs from the last one in what Pango
/// reads of it (its transformation, its own and its surface's font options): a layout whose
/// context changed is laid out again by Pango itself, so a kept layout draws exactly what a new one
/// would. Only when it differs, because every update counts as a change to Pango, which then lays
/// every layout out again (so CairoCanvas draws a chart at an offset, not under a translation).
/// Bounded: numbers hardly repeat.
class ThreadLayouts {
public:
    /// The layout named `key` (everything that makes it: font, width, alignment, text) for `cr`;
    /// `make` sets a new one up the first time. Valid until the next call on this thread.
    PangoLayout* of(cairo_t* cr, std::string key, const std::function<void(PangoLayout*)>& make);

    /// This thread's layouts.
    static ThreadLayouts& of_this_thread();

private:
    void follow(cairo_t* cr);

    struct FontOptionsDeleter {
        void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
    };
    using FontOptions = std::unique_ptr<cairo_font_options_t, FontOptionsDeleter>;
    bool followed_ = false;
    cairo_matrix_t matrix_{};
    FontOptions own_options_{cairo_font_options_create()}, surface_options_{cairo_font_options_create()};
    FontOptions own_scratch_{cairo_font_options_create()}, surface_scratch_{cairo_font_options_create()};
    std::unique_ptr<PangoContext, GObjectDeleter> context_{pango_font_map_create_context(pango_cairo_font_map_get_default())};
    std::unordered_map<std::string, PangoLayoutPtr> layouts_;
};

} // namespace ss
