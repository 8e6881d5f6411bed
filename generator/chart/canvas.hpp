// What a chart draws on: lines, rectangles, dots and single lines of text, with one way to
// measure text. The charts draw only through this, so the PDF (Cairo) and the web page (SVG
// written as text) are the same drawing from the same chart description.
#pragma once

#include <string>
#include <vector>

#include "chart/palette.hpp"

namespace ss {

struct Extent {
    double width = 0, height = 0;
    double baseline = 0; ///< from the top of the line to its baseline
};
enum class Anchor { left, centre, right };

class Canvas {
public:
    virtual ~Canvas() = default;

    /// The size of one line of chart text, as every canvas sets it (Pango's measure of the chart font).
    virtual Extent measure(const std::string& text, bool bold = false) = 0;

    virtual void set_colour(const Rgb& colour, double alpha = 1.0) = 0;
    /// Line width in points and a dash pattern (empty: solid) for the strokes that follow.
    virtual void set_line(double width, const std::vector<double>& dashes = {}) = 0;
    virtual void move_to(double x, double y) = 0;
    virtual void line_to(double x, double y) = 0;
    /// Strokes the path made with move_to/line_to and starts a new one.
    virtual void stroke() = 0;
    virtual void fill_rectangle(double x, double y, double width, double height) = 0;
    virtual void fill_circle(double cx, double cy, double radius) = 0;
    /// One line of text with its vertical middle at y, in the current colour.
    virtual void text(const std::string& text, double x, double y, Anchor anchor, bool bold) = 0;

    /// What follows is clipped to the rectangle until pop_clip().
    virtual void push_clip(double x, double y, double width, double height) = 0;
    virtual void pop_clip() = 0;

    /// What follows until end_item() is one data item (a point, a bar) with its exact value as
    /// `title`: a tooltip on the web, nothing in print.
    virtual void begin_item(const std::string& title) { (void)title; }
    virtual void end_item() {}
};

} // namespace ss
