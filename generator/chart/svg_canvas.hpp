// The chart canvas as SVG written as text, for the HTML pages: real <text> elements that can be
// selected, found and styled by the page, a <title> tooltip on every data item, and a viewBox
// so that the chart scales with the page.
#pragma once

#include <string>
#include <vector>

#include "chart/canvas.hpp"

namespace ss {

/// The style sheet every page with charts carries once: the chart font, text anchors and the named
/// chart colours as classes (`fm`: fill muted, `s0`: stroke in the first palette colour).
std::string chart_style_sheet();

class SvgCanvas final : public Canvas {
public:
    /// `id_prefix` keeps the ids of several charts on one page apart.
    SvgCanvas(double width, double height, std::string id_prefix);

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
    void begin_item(const std::string& title) override;
    void end_item() override;

    /// The `<svg>` element, closed: no XML declaration, for inline use.
    std::string finish();

private:
    void append_paint(std::string& out, const char* attribute, const std::string& more_classes = "") const;
    void flush_path();
    void close_run();
    /// Writes `opening style rest` to `out`, in the open run when it has the same style.
    void emit(std::string* out, const std::string& opening, const std::string& style, const std::string& rest);
    /// An element: emitted at once, or kept for the item being drawn.
    void emit_element(std::string* out, const std::string& opening, const std::string& style, const std::string& rest,
                      const char* tag);

    struct ItemElement {
        std::string opening; ///< `<circle cx=".." cy=".." r=".."`
        std::string style;   ///< ` class="f0"`
        std::string rest;    ///< "/>" or ">label</text>"
        std::string tag;     ///< "circle"
    };

    std::string svg_;
    std::string path_;          ///< the path being made with move_to/line_to
    std::string path_x_, path_y_; ///< its current point as written, for H and V
    std::string pending_d_;     ///< stroked paths of one style not yet written
    std::string pending_style_; ///< their style attributes
    std::string deferred_text_; ///< text drawn while paths were pending: written after them
    // Elements in a row with the same style (an axis's ticks, a line's points) share one <g> with
    // that style: the style is written once, not on every element. The run goes where its first
    // element went.
    std::string* run_out_ = nullptr; ///< svg_ or deferred_text_; null when no run is open
    std::string run_style_;          ///< the run's class and paint attributes
    std::string run_items_;          ///< its elements without their style
    std::string run_single_;         ///< the first one with its style, for a run of one
    int run_count_ = 0;
    std::string id_prefix_;
    std::string colour_ = "#000000";
    double alpha_ = 1.0;
    double line_width_ = 1.0;
    std::vector<double> dashes_;
    bool in_item_ = false;
    std::string item_title_;               ///< `<title>…</title>` of the item being drawn
    std::vector<ItemElement> item_elements_; ///< its elements, written at end_item
    int clips_ = 0;
    int open_groups_ = 0;
};

} // namespace ss
