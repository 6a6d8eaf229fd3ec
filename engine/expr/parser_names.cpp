// Edit distance for "did you mean", and splitting a name into names.
#include "expr/parser_names.hpp"

#include <algorithm>
#include <cctype>

#include "expr/edit_distance.hpp"

namespace bp::expr {

std::vector<std::string> nearest_names(std::string_view name, const std::vector<std::string>& candidates) {
  // One edit for short names, two from five letters: farther than that is a different word.
  const std::size_t limit = name.size() >= 5 ? 2 : 1;
  // Nearest first; at equal distance the lower-case spelling (softplus before Softplus).
  auto has_upper = [](const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
  };
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const std::string& candidate : candidates) {
    const std::size_t d = edit_distance(name, candidate);
    if (d <= limit) near.emplace_back(2 * d + (has_upper(candidate) ? 1 : 0), candidate);
  }
  std::stable_sort(near.begin(), near.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  auto same_word = [](const std::string& x, const std::string& y) {
    return x.size() == y.size() && edit_distance(x, y) == 0;  // equal but for case
  };
  for (const auto& entry : near) {
    if (out.size() == 3) break;
    if (std::none_of(out.begin(), out.end(), [&](const std::string& o) { return same_word(o, entry.second); })) {
      out.push_back(entry.second);
    }
  }
  return out;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::vector<std::string> split_into_pieces(const std::string& name,
                                           const std::function<bool(const std::string&)>& is_piece) {
  const std::size_t n = name.size();
  // pieces[i]: fewest pieces covering name[0, i), or 0 when none; from[i]: where its last piece starts.
  std::vector<std::size_t> pieces(n + 1, 0), from(n + 1, 0);
  pieces[0] = 0;
  std::vector<char> reached(n + 1, 0);
  reached[0] = 1;
  for (std::size_t i = 0; i < n; ++i) {
    if (!reached[i]) continue;
    for (std::size_t j = i + 1; j <= n; ++j) {
      if ((i == 0 && j == n) || !is_piece(name.substr(i, j - i))) continue;
      if (!reached[j] || pieces[i] + 1 < pieces[j]) {
        reached[j] = 1;
        pieces[j] = pieces[i] + 1;
        from[j] = i;
      }
    }
  }
  if (!reached[n] || n < 2) return {};
  std::vector<std::string> out;
  for (std::size_t end = n; end > 0; end = from[end]) out.push_back(name.substr(from[end], end - from[end]));
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace bp::expr
