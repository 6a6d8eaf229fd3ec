// CSV reader for points: commas, semicolons, tabs or spaces between fields.
#include "network/csv_points.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include "nn/dataset.hpp"

namespace bp::app {

namespace {
bool read_number(const std::string& text, double& out) {
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  return !text.empty() && *end == '\0' && std::isfinite(out);
}

// The fields of one line, separators turned into spaces.
std::vector<std::string> fields_of(std::string line) {
  for (char& c : line) {
    if (c == ',' || c == ';' || c == '\t' || c == '\r') c = ' ';
  }
  std::vector<std::string> parts;
  for (std::size_t at = line.find_first_not_of(' '); at != std::string::npos;) {
    const std::size_t end = std::min(line.find(' ', at), line.size());
    parts.push_back(line.substr(at, end - at));
    at = line.find_first_not_of(' ', end);
  }
  return parts;
}

struct Row {
  int line;
  double x1, x2;
  std::string label;
};

std::string at_line(int line, const std::string& what) { return "line " + std::to_string(line) + ": " + what; }

// Labels as text, classes in order of first appearance; an error names the line of the seventh class.
bool text_classes(const std::vector<Row>& rows, CsvPoints& out) {
  for (const Row& row : rows) {
    auto found = std::find(out.label_names.begin(), out.label_names.end(), row.label);
    if (found == out.label_names.end()) {
      if (out.label_names.size() == nn::kMaxClasses) {
        out.error = at_line(row.line, "a seventh class '" + row.label.substr(0, 20) + "': at most 6 classes");
        out.points.clear();
        out.label_names.clear();
        return false;
      }
      out.label_names.push_back(row.label);
      found = out.label_names.end() - 1;
    }
    const int k = static_cast<int>(found - out.label_names.begin());
    out.points.push_back({row.x1, row.x2, nn::label_of_class(k)});
  }
  return true;
}

// Numeric labels: -1/+1 classes, whole classes 0 … 5, or regression values in [-1, 1].
bool number_labels(const std::vector<Row>& rows, CsvPoints& out) {
  bool plus_minus = true, whole = true;
  int top = 0;
  for (const Row& row : rows) {
    double v = 0;
    read_number(row.label, v);
    plus_minus = plus_minus && (v == 1 || v == -1);
    whole = whole && v >= 0 && v == std::floor(v);
    if (whole && v > 5) {
      out.error = at_line(row.line, "class " + row.label + ": whole-number classes go from 0 to 5 (at most 6)");
      return false;
    }
    if (whole) top = std::max(top, static_cast<int>(v));
  }
  const bool classes = !plus_minus && whole;
  for (const Row& row : rows) {
    double v = 0;
    read_number(row.label, v);
    if (!plus_minus && !whole && std::fabs(v) > 1) {
      out.error = at_line(row.line, "the label must be a class (-1 and 1, whole numbers 0 to 5, or words) or a "
                                    "value between -1 and 1");
      out.points.clear();
      return false;
    }
    out.points.push_back({row.x1, row.x2, classes ? nn::label_of_class(static_cast<int>(v)) : v});
  }
  for (int k = 0; classes && k <= top; ++k) out.label_names.push_back(std::to_string(k));
  return true;
}
}  // namespace

CsvPoints parse_csv_points(const std::string& text) {
  CsvPoints out;
  std::vector<Row> rows;
  bool any_text = false;
  int number = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t newline = std::min(text.find('\n', start), text.size());
    const std::string line = text.substr(start, newline - start);
    start = newline + 1;
    ++number;
    const std::vector<std::string> parts = fields_of(line);
    if (parts.empty()) continue;
    Row row{number, 0, 0, parts.size() == 3 ? parts[2] : ""};
    const bool ok = parts.size() == 3 && read_number(parts[0], row.x1) && read_number(parts[1], row.x2);
    if (!ok) {
      if (number == 1 && rows.empty()) continue;  // a header such as "x1,x2,label"
      out.error = at_line(number, "expected x1, x2 (numbers) and a label (got '" + line.substr(0, 40) + "')");
      return out;
    }
    if (std::fabs(row.x1) > 6 || std::fabs(row.x2) > 6) {
      out.error = at_line(number, "x1 and x2 must lie between -6 and 6");
      return out;
    }
    if (rows.size() == 500) {
      out.error = "more than 500 points; the first 500 were read";
      break;
    }
    double v = 0;
    any_text = any_text || !read_number(row.label, v);
    rows.push_back(std::move(row));
  }
  const std::string first_error = out.error;
  if (!(any_text ? text_classes(rows, out) : number_labels(rows, out))) return out;
  out.error = first_error;
  return out;
}

}  // namespace bp::app
