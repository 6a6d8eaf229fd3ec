// CSV reader for points: commas, semicolons, tabs or spaces between fields.
#include "network/csv_points.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace bp::app {

CsvPoints parse_csv_points(const std::string& text) {
  CsvPoints out;
  int number = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t newline = std::min(text.find('\n', start), text.size());
    std::string line = text.substr(start, newline - start);
    start = newline + 1;
    ++number;
    for (char& c : line) {
      if (c == ',' || c == ';' || c == '\t' || c == '\r') c = ' ';
    }
    std::vector<std::string> parts;
    for (std::size_t at = line.find_first_not_of(' '); at != std::string::npos;) {
      const std::size_t end = std::min(line.find(' ', at), line.size());
      parts.push_back(line.substr(at, end - at));
      at = line.find_first_not_of(' ', end);
    }
    if (parts.empty()) continue;
    std::array<double, 3> p{};
    bool ok = parts.size() == 3;
    for (std::size_t i = 0; ok && i < 3; ++i) {
      char* end = nullptr;
      p[i] = std::strtod(parts[i].c_str(), &end);
      ok = *end == '\0' && std::isfinite(p[i]);
    }
    if (!ok) {
      if (number == 1 && out.points.empty()) continue;  // a header such as "x1,x2,label"
      out.error = "line " + std::to_string(number) + ": expected three numbers x1, x2, label (got '" +
                  line.substr(0, 40) + "')";
      return out;
    }
    if (std::fabs(p[0]) > 6 || std::fabs(p[1]) > 6) {
      out.error = "line " + std::to_string(number) + ": x1 and x2 must lie between -6 and 6";
      return out;
    }
    if (std::fabs(p[2]) > 1) {
      out.error = "line " + std::to_string(number) + ": the label must lie between -1 and 1 (classes are -1 and 1)";
      return out;
    }
    if (out.points.size() == 500) {
      out.error = "more than 500 points; the first 500 were read";
      return out;
    }
    out.points.push_back(p);
  }
  return out;
}

}  // namespace bp::app
