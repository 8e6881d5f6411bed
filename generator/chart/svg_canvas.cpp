#include "chart/svg_canvas.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <vector>

#include "chart/chart_text.hpp"

namespace ss {

namespace {

/// A coordinate with at most one decimal and no trailing zero: 12, 12.5. A tenth of a unit is a
/// fifth of a pixel at the widest a page shows a chart.
void append_number(std::string& out, double v, int decimals = 1) {
    if (std::abs(v) < 0.5 * std::pow(10.0, -decimals)) v = 0; // no "-0"
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, decimals);
    (void)ec;
    while (end > buffer && end[-1] == '0') --end;
    if (end > buffer && end[-1] == '.') --end;
    out.append(buffer, end);
}

/// ` name="12.5"`: one numeric attribute.
void append_attribute(std::string& out, const char* name, double value) {
    out += ' ';
    out += name;
    out += "=\"";
    append_number(out, value);
    out += '"';
}

/// `<rect x=".." y=".." width=".." height=".."` (the tag left open for more attributes).
void open_rect(std::string& out, double x, double y, double width, double height) {
    out += "<rect";
    append_attribute(out, "x", x);
    append_attribute(out, "y", y);
    append_attribute(out, "width", width);
    append_attribute(out, "height", height);
}

std::string hex_colour(const Rgb& c) {
    static const char digits[] = "0123456789abcdef";
    std::string hex = "#";
    for (double channel : {c.r, c.g, c.b}) {
        const int v = static_cast<int>(std::lround(std::clamp(channel, 0.0, 1.0) * 255));
        hex += digits[v / 16];
        hex += digits[v % 16];
    }
    return hex;
}

/// The chart colours by name: a paint in one of them is a class of the page's style sheet
/// (chart_style_sheet), not an attribute repeated on every element.
struct NamedColour {
    const char* name;
    std::string hex; ///< as the canvas keeps its current colour: worked out once, not per element
};
const std::vector<NamedColour>& named_colours() {
    static const std::vector<NamedColour> named = [] {
        std::vector<NamedColour> n{{"t", hex_colour(text_colour)},
                                   {"m", hex_colour(muted_colour)},
                                   {"g", hex_colour(grid_colour)},
                                   {"w", hex_colour(background_colour)}};
        static const char* digits[] = {"0", "1", "2", "3", "4", "5", "6", "7"};
        for (size_t i = 0; i < std::size(palette) && i < 8; ++i) n.push_back({digits[i], hex_colour(palette[i])});
        return n;
    }();
    return named;
}

/// "m" for the muted grey, "0" for the first palette colour; empty for another colour.
std::string colour_name(const std::string& hex) {
    for (const auto& c : named_colours())
        if (c.hex == hex) return c.name;
    return "";
}

void append_escaped(std::string& out, const std::string& text) {
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
}

} // namespace

std::string chart_style_sheet() {
    // The font is set once for every chart. The text was laid out with DejaVu Sans, so that comes
    // first; the fallbacks are narrower, so that no label grows out of the space it was given.
    std::string css = "svg.chart{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;font-size:";
    append_number(css, chart_text::font_size);
    css += "px;fill:" + hex_colour(text_colour) + "}svg.chart path{fill:none}svg.chart .c{text-anchor:middle}"
           "svg.chart .e{text-anchor:end}svg.chart .b{font-weight:bold}";
    for (const auto& c : named_colours()) {
        css += std::string("svg.chart .f") + c.name + "{fill:" + c.hex + "}";
        css += std::string("svg.chart .s") + c.name + "{stroke:" + c.hex + "}";
    }
    return css + "\n";
}

SvgCanvas::SvgCanvas(double width, double height, std::string id_prefix) : id_prefix_(std::move(id_prefix)) {
    // The font, the default paint and the named colours come from the page (chart_style_sheet).
    svg_ = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"100%\" viewBox=\"0 0 ";
    append_number(svg_, width);
    svg_ += ' ';
    append_number(svg_, height);
    svg_ += "\">";
}

Extent SvgCanvas::measure(const std::string& text, bool bold) { return chart_text::measure_text(text, bold); }

void SvgCanvas::set_colour(const Rgb& colour, double alpha) {
    colour_ = hex_colour(colour);
    alpha_ = alpha;
}

void SvgCanvas::set_line(double width, const std::vector<double>& dashes) {
    line_width_ = width;
    dashes_ = dashes;
}

void SvgCanvas::move_to(double x, double y) {
    path_ += 'M';
    append_number(path_, x);
    path_ += ' ';
    append_number(path_, y);
}

void SvgCanvas::line_to(double x, double y) {
    path_ += 'L';
    append_number(path_, x);
    path_ += ' ';
    append_number(path_, y);
}

void SvgCanvas::append_paint(std::string& out, const char* attribute, const std::string& more_classes) const {
    const std::string name = colour_name(colour_);
    const char prefix = attribute[0] == 'f' ? 'f' : 's';
    std::string classes = more_classes;
    if (!name.empty()) classes += (classes.empty() ? "" : " ") + std::string(1, prefix) + name;
    if (!classes.empty()) out += " class=\"" + classes + "\"";
    if (name.empty()) {
        out += ' ';
        out += attribute;
        out += "=\"" + colour_ + "\"";
    }
    if (alpha_ < 1.0) {
        out += ' ';
        out += attribute;
        out += "-opacity=\"";
        append_number(out, alpha_, 2);
        out += '"';
    }
}

void SvgCanvas::stroke() {
    if (path_.empty()) return;
    std::string style;
    append_paint(style, "stroke");
    if (line_width_ != 1.0) append_attribute(style, "stroke-width", line_width_);
    if (!dashes_.empty()) {
        style += " stroke-dasharray=\"";
        for (size_t i = 0; i < dashes_.size(); ++i) {
            if (i) style += ' ';
            append_number(style, dashes_[i]);
        }
        style += '"';
    }
    // Strokes of one style in a row (the grid lines of an axis, with their tick labels between
    // them) become one path; the labels follow it, above the lines as they were drawn.
    if (!pending_d_.empty() && style != pending_style_) flush_path();
    pending_d_ += path_;
    pending_style_ = std::move(style);
    path_.clear();
}

void SvgCanvas::close_text_run() {
    if (!run_out_) return;
    if (run_count_ == 1) *run_out_ += run_single_;
    else *run_out_ += "<g" + run_style_ + ">" + run_items_ + "</g>";
    run_out_ = nullptr;
    run_style_.clear();
    run_items_.clear();
    run_single_.clear();
    run_count_ = 0;
}

void SvgCanvas::flush_path() {
    close_text_run();
    if (pending_d_.empty()) return;
    svg_ += "<path d=\"" + pending_d_ + "\"" + pending_style_ + "/>";
    svg_ += deferred_text_;
    pending_d_.clear();
    pending_style_.clear();
    deferred_text_.clear();
}

void SvgCanvas::fill_rectangle(double x, double y, double width, double height) {
    path_.clear();
    flush_path();
    open_rect(svg_, x, y, width, height);
    append_paint(svg_, "fill");
    svg_ += "/>";
}

void SvgCanvas::fill_circle(double cx, double cy, double radius) {
    path_.clear();
    flush_path();
    svg_ += "<circle";
    append_attribute(svg_, "cx", cx);
    append_attribute(svg_, "cy", cy);
    append_attribute(svg_, "r", radius);
    append_paint(svg_, "fill");
    svg_ += "/>";
}

void SvgCanvas::text(const std::string& text, double x, double y, Anchor anchor, bool bold) {
    path_.clear();
    const Extent e = measure(text, bold);
    // While strokes may still join the path before it, text waits behind that path.
    std::string* out = pending_d_.empty() ? &svg_ : &deferred_text_;
    std::string style;
    std::string classes = anchor == Anchor::centre ? "c" : anchor == Anchor::right ? "e" : "";
    if (bold) classes += classes.empty() ? "b" : " b";
    static const std::string text_hex = hex_colour(text_colour); // the chart's default fill
    if (colour_ != text_hex || alpha_ < 1.0) append_paint(style, "fill", classes);
    else if (!classes.empty()) style += " class=\"" + classes + "\"";
    if (run_out_ && (run_out_ != out || run_style_ != style)) close_text_run();
    std::string item = "<text";
    append_attribute(item, "x", x);
    append_attribute(item, "y", y - e.height / 2 + e.baseline);
    std::string body = ">";
    append_escaped(body, text);
    body += "</text>";
    if (!run_out_) {
        run_out_ = out;
        run_style_ = style;
        run_single_ = item + style + body;
    }
    run_items_ += item + body;
    ++run_count_;
}

void SvgCanvas::push_clip(double x, double y, double width, double height) {
    flush_path();
    const std::string id = id_prefix_ + "-clip" + std::to_string(++clips_);
    svg_ += "<clipPath id=\"" + id + "\">";
    open_rect(svg_, x, y, width, height);
    svg_ += "/></clipPath><g clip-path=\"url(#" + id + ")\">";
    ++open_groups_;
}

void SvgCanvas::pop_clip() {
    flush_path();
    if (open_groups_ == 0) return;
    svg_ += "</g>";
    --open_groups_;
}

void SvgCanvas::begin_item(const std::string& title) {
    flush_path();
    svg_ += "<g><title>";
    append_escaped(svg_, title);
    svg_ += "</title>";
    ++open_groups_;
}

void SvgCanvas::end_item() { pop_clip(); }

std::string SvgCanvas::finish() {
    flush_path();
    while (open_groups_ > 0) pop_clip();
    return svg_ + "</svg>";
}

} // namespace ss
