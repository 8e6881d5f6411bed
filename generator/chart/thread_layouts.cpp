#include "chart/thread_layouts.hpp"

namespace ss {

void ThreadLayouts::follow(cairo_t* cr) {
    // Read into the scratch options kept for it: this runs for every text measured or drawn.
    cairo_matrix_t matrix;
    cairo_get_matrix(cr, &matrix);
    cairo_get_font_options(cr, own_scratch_.get());
    cairo_surface_get_font_options(cairo_get_target(cr), surface_scratch_.get());
    const bool same_matrix = matrix.xx == matrix_.xx && matrix.yx == matrix_.yx && matrix.xy == matrix_.xy &&
                             matrix.yy == matrix_.yy && matrix.x0 == matrix_.x0 && matrix.y0 == matrix_.y0;
    if (followed_ && same_matrix && cairo_font_options_equal(own_scratch_.get(), own_options_.get()) &&
        cairo_font_options_equal(surface_scratch_.get(), surface_options_.get()))
        return;
    pango_cairo_update_context(cr, context_.get());
    followed_ = true;
    matrix_ = matrix;
    std::swap(own_options_, own_scratch_);
    std::swap(surface_options_, surface_scratch_);
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
