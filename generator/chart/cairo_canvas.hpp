// The chart canvas on a Cairo context: for the PDF reports and the PNGs that reviews look at.
#pragma once

#include <cairo.h>

#include "chart/canvas.hpp"

namespace ss {

class CairoCanvas final : public Canvas {
public:
    /// Draws with the chart's (0, 0) at (`origin_x`, `origin_y`) of `cr`: an offset added to every
    /// point instead of a translation, so that the chart's texts are laid out in the same Pango
    /// context as the page's (chart/thread_layouts) and kept across charts and documents.
    explicit CairoCanvas(cairo_t* cr, double origin_x = 0, double origin_y = 0) : cr_(cr), x0_(origin_x), y0_(origin_y) {}

    Extent measure(const std::string& text, bool bold) override;
    void set_colour(const Rgb& colour, double alpha) override;
    void set_line(double width, const std::vector<double>& dashes) override;
    void move_to(double x, double y) override;
    void line_to(double x, double y) override;
    void stroke() override;
    void fill_rectangle(double x, double y, double width, double height) override;
    void fill_circle(double cx, double cy, double radius) override;
    void text(const std::string& text, double x, double y, Anchor anchor, bool bold) override;
    void push_clip(double x, double y, double width, double height) override;
    void pop_clip() override;

private:
    cairo_t* cr_;
    double x0_, y0_;
};

} // namespace ss
