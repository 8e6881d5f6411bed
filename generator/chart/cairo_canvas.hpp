// The chart canvas on a Cairo context: for the PDF reports and the PNGs that reviews look at.
#pragma once

#include <cairo.h>

#include "chart/canvas.hpp"

namespace ss {

class CairoCanvas final : public Canvas {
public:
    explicit CairoCanvas(cairo_t* cr) : cr_(cr) {}

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
};

} // namespace ss
