#include "chart/label_placement.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ss {

namespace {

constexpr double gap = 3;            // between a dot and its label
constexpr int furthest_step = 14;    // how many label heights up or down a label may move
constexpr int outside_penalty = 1000;

Box box_at(double left, double top, const LabelRequest& l) { return {left, top, left + l.width, top + l.height}; }

Box dot_box(const LabelRequest& l) {
    return {l.point.x - l.radius, l.point.y - l.radius, l.point.x + l.radius, l.point.y + l.radius};
}

/// The places a label may take, best first: beside its dot, then moved along with a leader.
std::vector<PlacedLabel> candidates(const LabelRequest& l) {
    const double x = l.point.x, y = l.point.y, r = l.radius + gap;
    std::vector<PlacedLabel> c{
        {box_at(x + r, y - l.height / 2, l), false},
        {box_at(x - r - l.width, y - l.height / 2, l), false},
        {box_at(x - l.width / 2, y - r - l.height, l), false},
        {box_at(x - l.width / 2, y + r, l), false},
        {box_at(x + r, y - r - l.height, l), false},
        {box_at(x + r, y + r, l), false},
        {box_at(x - r - l.width, y - r - l.height, l), false},
        {box_at(x - r - l.width, y + r, l), false},
    };
    const double step = l.height * 0.75, side = r + 8;
    for (int k = 1; k <= furthest_step; ++k)
        for (double sign : {-1.0, 1.0}) {
            const double top = y - l.height / 2 + sign * (l.height + k * step);
            c.push_back({box_at(x + side, top, l), true});
            c.push_back({box_at(x - side - l.width, top, l), true});
        }
    return c;
}

bool polyline_crosses(const Box& box, const std::vector<Spot>& line) {
    for (size_t i = 1; i < line.size(); ++i)
        if (segment_crosses(box, line[i - 1], line[i])) return true;
    return false;
}

} // namespace

bool segment_crosses(const Box& box, Spot a, Spot b) {
    // Liang-Barsky: clip the segment's parameter range against each side of the box.
    double t0 = 0, t1 = 1;
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x - box.left, box.right - a.x, a.y - box.top, box.bottom - a.y};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0) t0 = std::max(t0, t);
        else t1 = std::min(t1, t);
        if (t0 > t1) return false;
    }
    return true;
}

std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& labels, const Box& area,
                                      const std::vector<std::vector<Spot>>& lines) {
    std::vector<PlacedLabel> placed;
    auto crossings = [&](const Box& b) {
        int n = b.inside(area) ? 0 : outside_penalty;
        for (const auto& line : lines) n += polyline_crosses(b, line);
        for (const auto& other : labels) n += b.overlaps(dot_box(other));
        for (const auto& other : placed) n += b.overlaps(other.box);
        return n;
    };
    for (const auto& l : labels) {
        PlacedLabel best;
        int fewest = std::numeric_limits<int>::max();
        for (const auto& c : candidates(l)) {
            const int n = crossings(c.box);
            if (n < fewest) {
                fewest = n;
                best = c;
            }
            if (n == 0) break;
        }
        best.clear = fewest == 0;
        placed.push_back(best);
    }
    return placed;
}

Spot leader_end(const Box& box, Spot point) {
    return {std::clamp(point.x, box.left, box.right), std::clamp(point.y, box.top, box.bottom)};
}

} // namespace ss
