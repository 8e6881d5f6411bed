// Where the labels of a scatter of points go: beside their point where that is free, otherwise
// moved up or down with a leader line, never across the chart's lines, another label or a point.
#pragma once

#include <vector>

namespace ss {

struct Spot {
    double x = 0, y = 0;
};

struct Box {
    double left = 0, top = 0, right = 0, bottom = 0;
    bool overlaps(const Box& other) const {
        return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
    }
    bool inside(const Box& area) const {
        return left >= area.left && right <= area.right && top >= area.top && bottom <= area.bottom;
    }
};

/// One label to place: its point (a dot of `radius`) and the size of its text.
struct LabelRequest {
    Spot point;
    double radius = 3;
    double width = 0, height = 0;
};

struct PlacedLabel {
    Box box;
    bool leader = false; ///< the label sits away from its point: draw a line from the dot to it
    bool clear = true;   ///< false when no free place was found (the least crowded one is used)
};

/// Does the segment a-b pass through the box?
bool segment_crosses(const Box& box, Spot a, Spot b);

/// Places the labels in the order given (put the most crowded first), inside `area`, away from
/// every polyline of `lines`, every dot and every label placed before. Beside the point (right,
/// left, above, below) is preferred; then further up or down with a leader line; when nothing is
/// free, the place with the fewest crossings.
std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& labels, const Box& area,
                                      const std::vector<std::vector<Spot>>& lines);

/// Where a leader line from the dot meets the label's box: the box's nearest point to the dot.
Spot leader_end(const Box& box, Spot point);

} // namespace ss
