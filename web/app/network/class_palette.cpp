// Class colours (Okabe & Ito, "Color Universal Design", 2008) and the words for each class.
#include "network/class_palette.hpp"

namespace bp::app {

namespace {
struct ClassColor {
  std::array<int, 3> rgb;
  const char* name;
};
constexpr ClassColor kPalette[nn::kMaxClasses] = {
    {{230, 159, 0}, "orange"},       {{0, 114, 178}, "blue"},     {{0, 158, 115}, "green"},
    {{204, 121, 167}, "purple"},     {{86, 180, 233}, "sky blue"}, {{213, 94, 0}, "vermillion"},
};

int clamp_class(int k) { return k < 0 ? 0 : k >= nn::kMaxClasses ? nn::kMaxClasses - 1 : k; }
}  // namespace

std::array<int, 3> class_rgb(int k) { return kPalette[clamp_class(k)].rgb; }

const char* class_color_name(int k) { return kPalette[clamp_class(k)].name; }

std::string class_name(int k, const std::vector<std::string>& label_names) {
  if (k >= 0 && k < static_cast<int>(label_names.size())) return label_names[static_cast<std::size_t>(k)];
  return class_color_name(k);
}

std::string per_class_accuracy_words(const Eigen::MatrixXi& confusion, const std::vector<std::string>& label_names) {
  std::string text;
  for (Eigen::Index k = 0; k < confusion.rows(); ++k) {
    const int total = confusion.row(k).sum(), right = confusion(k, k);
    if (!text.empty()) text += ", ";
    text += class_name(static_cast<int>(k), label_names);
    if (total == 0) {
      text += " no points";
      continue;
    }
    text += " " + std::to_string(static_cast<int>(100.0 * right / total + 0.5)) + " percent (" +
            std::to_string(right) + " of " + std::to_string(total) + ")";
  }
  return text;
}

}  // namespace bp::app
