// Numbers the children of a history 0, 1, 2, … in the order they are met, so that the fast-path
// KPIs can count distinct children with arrays instead of sets of ids.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ss {

/// An open-addressing table over the ids kept in one string, because std::unordered_map's node
/// per child cost half a second a run. The ids are given one per row as the rows are read
/// (`add`) and numbered a few rows later: the table is tens of megabytes, and each id's slot is
/// fetched from memory while SQLite reads the next rows instead of stalling the reader
/// (docs/performance.md, item 14).
class ChildNumbers {
public:
    explicit ChildNumbers(size_t expected) {
        size_t slots = 16;
        while (slots < 2 * expected) slots *= 2;
        slots_.assign(slots, 0);
        offsets_.push_back(0);
        numbers_.reserve(expected);
    }
    /// The next item's child id; its number is in `numbers()`.
    void add(std::string_view id) {
        Pending& next = pending_[added_ % pending_.size()];
        // The item that held this place in the ring, unless `numbers()` numbered it already.
        if (added_ >= pending_.size() && numbers_.size() == added_ - pending_.size()) numbers_.push_back(number(next));
        next.id.assign(id);
        next.hash = std::hash<std::string_view>{}(id);
        __builtin_prefetch(&slots_[next.hash & (slots_.size() - 1)]);
        ++added_;
    }
    /// The child of each item added, in order: 0, 1, 2, … in the order the children were met.
    const std::vector<std::uint32_t>& numbers() {
        for (size_t i = numbers_.size(); i < added_; ++i) numbers_.push_back(number(pending_[i % pending_.size()]));
        return numbers_;
    }
    std::uint32_t count() const { return static_cast<std::uint32_t>(offsets_.size() - 1); }

private:
    struct Pending {
        std::string id;
        std::uint64_t hash = 0;
    };
    std::uint32_t number(const Pending& pending) {
        if (2 * (count() + 1) > slots_.size()) grow();
        const std::uint64_t fingerprint = pending.hash >> 32;
        const size_t mask = slots_.size() - 1;
        for (size_t i = pending.hash & mask;; i = (i + 1) & mask) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0) {
                ids_.append(pending.id);
                offsets_.push_back(static_cast<std::uint32_t>(ids_.size()));
                slots_[i] = fingerprint << 32 | count();
                return count() - 1;
            }
            const auto child = static_cast<std::uint32_t>(slot) - 1;
            if (slot >> 32 == fingerprint && id_of(child) == pending.id) return child;
        }
    }
    std::string_view id_of(std::uint32_t child) const {
        return std::string_view(ids_).substr(offsets_[child], offsets_[child + 1] - offsets_[child]);
    }
    void grow() {
        std::vector<std::uint64_t> old;
        old.swap(slots_);
        slots_.assign(old.size() * 2, 0);
        const size_t mask = slots_.size() - 1;
        for (const std::uint64_t slot : old) {
            if (slot == 0) continue;
            const std::uint64_t hash = std::hash<std::string_view>{}(id_of(static_cast<std::uint32_t>(slot) - 1));
            size_t i = hash & mask;
            while (slots_[i] != 0) i = (i + 1) & mask;
            slots_[i] = slot;
        }
    }
    std::vector<std::uint64_t> slots_; ///< 0: empty; else the hash's high half << 32 | child + 1
    std::string ids_;
    std::vector<std::uint32_t> offsets_;
    std::array<Pending, 4> pending_; ///< the ids added and not yet numbered, a ring
    size_t added_ = 0;
    std::vector<std::uint32_t> numbers_;
};

/// `begin` and `order` of items grouped per child, each child's by `start`, for items that carry
/// `.child` and `.start`: a child's items are order[begin[c]] … order[begin[c + 1] - 1].
template <typename Item>
void group_by_child(const std::vector<Item>& items, std::uint32_t children, std::vector<std::uint32_t>& begin,
                    std::vector<std::uint32_t>& order) {
    begin.assign(children + 1, 0);
    for (const auto& item : items) ++begin[item.child + 1];
    for (size_t c = 1; c < begin.size(); ++c) begin[c] += begin[c - 1];
    order.resize(items.size());
    std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
    for (std::uint32_t i = 0; i < items.size(); ++i) order[next[items[i].child]++] = i;
    const auto by_start = [&](std::uint32_t a, std::uint32_t b) { return items[a].start < items[b].start; };
    for (std::uint32_t c = 0; c < children; ++c)
        std::stable_sort(order.begin() + begin[c], order.begin() + begin[c + 1], by_start);
}

} // namespace ss
