#include "chart/svg_canvas.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "chart/chart_text.hpp"

namespace ss {

namespace {

/// A coordinate with at most two decimals and no trailing zeros: 12, 12.5, 12.25.
void append_number(std::string& out, double v) {
    if (std::abs(v) < 0.005) v = 0; // no "-0"
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, 2);
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

SvgCanvas::SvgCanvas(double width, double height, std::string id_prefix) : id_prefix_(std::move(id_prefix)) {
    svg_ = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"100%\" viewBox=\"0 0 ";
    append_number(svg_, width);
    svg_ += ' ';
    append_number(svg_, height);
    // The font is set once for the whole chart. The text was laid out with DejaVu Sans, so that
    // comes first; the fallbacks are narrower, so that no label grows out of the space it was given.
    svg_ += "\" font-family=\"'DejaVu Sans', Arial, Helvetica, sans-serif\" font-size=\"";
    append_number(svg_, chart_text::font_size);
    svg_ += "\" fill=\"" + hex_colour(text_colour) + "\">";
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

void SvgCanvas::append_paint(const char* attribute) {
    svg_ += ' ';
    svg_ += attribute;
    svg_ += "=\"" + colour_ + "\"";
    if (alpha_ < 1.0) {
        svg_ += ' ';
        svg_ += attribute;
        svg_ += "-opacity=\"";
        append_number(svg_, alpha_);
        svg_ += '"';
    }
}

void SvgCanvas::stroke() {
    if (path_.empty()) return;
    svg_ += "<path d=\"" + path_ + "\" fill=\"none\"";
    append_paint("stroke");
    append_attribute(svg_, "stroke-width", line_width_);
    if (!dashes_.empty()) {
        svg_ += " stroke-dasharray=\"";
        for (size_t i = 0; i < dashes_.size(); ++i) {
            if (i) svg_ += ' ';
            append_number(svg_, dashes_[i]);
        }
        svg_ += '"';
    }
    svg_ += "/>";
    path_.clear();
}

void SvgCanvas::fill_rectangle(double x, double y, double width, double height) {
    path_.clear();
    open_rect(svg_, x, y, width, height);
    append_paint("fill");
    svg_ += "/>";
}

void SvgCanvas::fill_circle(double cx, double cy, double radius) {
    path_.clear();
    svg_ += "<circle";
    append_attribute(svg_, "cx", cx);
    append_attribute(svg_, "cy", cy);
    append_attribute(svg_, "r", radius);
    append_paint("fill");
    svg_ += "/>";
}

void SvgCanvas::text(const std::string& text, double x, double y, Anchor anchor, bool bold) {
    path_.clear();
    const Extent e = measure(text, bold);
    svg_ += "<text";
    append_attribute(svg_, "x", x);
    append_attribute(svg_, "y", y - e.height / 2 + e.baseline);
    if (anchor == Anchor::centre) svg_ += " text-anchor=\"middle\"";
    if (anchor == Anchor::right) svg_ += " text-anchor=\"end\"";
    if (bold) svg_ += " font-weight=\"bold\"";
    if (colour_ != hex_colour(text_colour) || alpha_ < 1.0) append_paint("fill");
    svg_ += '>';
    append_escaped(svg_, text);
    svg_ += "</text>";
}

void SvgCanvas::push_clip(double x, double y, double width, double height) {
    const std::string id = id_prefix_ + "-clip" + std::to_string(++clips_);
    svg_ += "<clipPath id=\"" + id + "\">";
    open_rect(svg_, x, y, width, height);
    svg_ += "/></clipPath><g clip-path=\"url(#" + id + ")\">";
    ++open_groups_;
}

void SvgCanvas::pop_clip() {
    if (open_groups_ == 0) return;
    svg_ += "</g>";
    --open_groups_;
}

void SvgCanvas::begin_item(const std::string& title) {
    svg_ += "<g><title>";
    append_escaped(svg_, title);
    svg_ += "</title>";
    ++open_groups_;
}

void SvgCanvas::end_item() { pop_clip(); }

std::string SvgCanvas::finish() {
    while (open_groups_ > 0) pop_clip();
    return svg_ + "</svg>";
}

} // namespace ss
