#include "chart/thread_layouts.hpp"

namespace ss {

void ThreadLayouts::follow(cairo_t* cr) {
    cairo_matrix_t matrix;
    cairo_get_matrix(cr, &matrix);
    FontOptions own(cairo_font_options_create()), surface(cairo_font_options_create());
    cairo_get_font_options(cr, own.get());
    cairo_surface_get_font_options(cairo_get_target(cr), surface.get());
    const bool same_matrix = matrix.xx == matrix_.xx && matrix.yx == matrix_.yx && matrix.xy == matrix_.xy &&
                             matrix.yy == matrix_.yy && matrix.x0 == matrix_.x0 && matrix.y0 == matrix_.y0;
    if (followed_ && same_matrix && cairo_font_options_equal(own.get(), own_options_.get()) &&
        cairo_font_options_equal(surface.get(), surface_options_.get()))
        return;
    pango_cairo_update_context(cr, context_.get());
    followed_ = true;
    matrix_ = matrix;
    own_options_ = std::move(own);
    surface_options_ = std::move(surface);
}

PangoLayout* ThreadLayouts::of(cairo_t* cr, std::string key, const std::function<void(PangoLayout*)>& make) {
    follow(cr);
    const auto found = layouts_.find(key);
    if (found != layouts_.end()) return found->second.get();
    if (layouts_.size() >= 20'000) layouts_.clear();
    PangoLayoutPtr layout(pango_layout_new(context_.get()));
    make(layout.get());
    return layouts_.emplace(std::move(key), std::move(layout)).first->second.get();
}

ThreadLayouts& ThreadLayouts::of_this_thread() {
    thread_local ThreadLayouts layouts;
    return layouts;
}

} // namespace ss
