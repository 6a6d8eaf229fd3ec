// The two-variable view's numbers: the engine's tape evaluates (a row of the grid per sweep); this file decides
// what is computed again when, and traces the level curve.
#include "plane/model.hpp"

#include <algorithm>
#include <cmath>

#include "clock.hpp"

namespace bp::app {

namespace {

// Past this many operations a 256 × 256 heat map (65,536 evaluations a change) would freeze the tab.
constexpr std::size_t kMaxNodes = 20000;

// A round spacing for about `count` contour lines over `span`: 1, 2 or 5 × 10^k.
double round_step(double span, int count) {
  if (!(span > 0) || !std::isfinite(span)) return 1;
  const double raw = span / count;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / power;
  return power * (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10);
}

// The 2nd and 98th percentiles of the finite values (every `stride`-th, enough for a colour range): a pole
// does not wash the map out. A pan, which moves the range every frame, takes every 29th value (2,260 of a
// 256² grid): the two selections over every 7th were 0.8 ms of a pan's frame at 4× CPU throttling, more
// than sampling the strips the pan exposed.
constexpr std::size_t kRangeStride = 7, kPanRangeStride = 29;
void colour_range(SampledGrid& g, std::size_t stride = kRangeStride) {
  static std::vector<float> finite;  // kept: no allocation per frame
  finite.clear();
  for (std::size_t k = 0; k < g.values.size(); k += stride) {
    if (std::isfinite(g.values[k])) finite.push_back(g.values[k]);
  }
  if (finite.empty()) {
    g.low = 0, g.high = 1, g.level_step = 0.1;
    return;
  }
  const auto at = [&](double share) {
    auto it = finite.begin() + static_cast<std::ptrdiff_t>(share * static_cast<double>(finite.size() - 1));
    std::nth_element(finite.begin(), it, finite.end());
    return static_cast<double>(*it);
  };
  g.low = at(0.02), g.high = at(0.98);
  if (!(g.high > g.low)) {  // a flat f: a unit band around its value
    g.low -= 0.5, g.high += 0.5;
  }
  g.level_step = round_step(g.high - g.low, 12);
}

}  // namespace

FreeVariables free_variables(const std::string& text) {
  FreeVariables out;
  auto program = expr::compile(text, {});
  if (!program) return out;
  out.parses = true;
  if (!program->parameters.empty()) {
    out.names = program->parameters;
  } else {
    for (const expr::Input& input : program->inputs) {
      if (!input.default_value) out.names.push_back(input.name);
    }
    const auto x = std::find(out.names.begin(), out.names.end(), "x");
    const auto y = std::find(out.names.begin(), out.names.end(), "y");
    if (out.names.size() == 2 && x != out.names.end() && y != out.names.end()) out.names = {"x", "y"};
  }
  if (out.names.size() > 2) {
    std::string list;
    for (std::size_t i = 0; i < out.names.size(); ++i) {
      list += (i == 0 ? "" : i + 1 == out.names.size() ? " and " : ", ") + out.names[i];
    }
    out.message = "f has " + std::to_string(out.names.size()) + " free variables (" + list +
                  "); the view shows one or two: give the others values, as in a = 2";
  }
  return out;
}

PlaneWindow shown_window(const PlaneWindow& asked, double width, double height) {
  if (!(width > 0 && height > 0)) return asked;
  const double w = asked.x_max - asked.x_min, h = asked.y_max - asked.y_min;
  const double per_pixel = std::max(w / width, h / height);
  PlaneWindow shown = asked;
  const auto widen = [](double& lo, double& hi, double span) {
    const double centre = lo / 2 + hi / 2;
    lo = centre - span / 2, hi = centre + span / 2;
  };
  // Only a real difference widens: rounding alone would move the window by an ulp, and each new window is resampled.
  if (per_pixel * width > w * (1 + 1e-9)) widen(shown.x_min, shown.x_max, per_pixel * width);
  if (per_pixel * height > h * (1 + 1e-9)) widen(shown.y_min, shown.y_max, per_pixel * height);
  return shown;
}

bool ViewChoice::is_two_variable(const std::string& text) {
  if (has_answer_ && text == text_) return is_two_variable_;
  text_ = text;
  has_answer_ = true;
  const FreeVariables free = free_variables(text);
  if (free.parses) is_two_variable_ = free.names.size() >= 2;
  return is_two_variable_;
}

void PlaneModel::begin_frame(const FunctionState& s) {
  if (s.text == text_ && (has_function_ || error_)) return;
  text_ = s.text;
  const FreeVariables free = free_variables(text_);
  auto program = expr::compile(text_, free.names);
  if (!program) {
    error_ = program.error();
    return;
  }
  if (free.names.size() != 2) {
    error_ = expr::Error{free.names.size() > 2 ? free.message : "the two-variable view needs two free variables",
                         {0, text_.size()}};
    return;
  }
  if (program->graph.size() > kMaxNodes) {
    error_ = expr::Error{"this function has " + std::to_string(program->graph.size()) +
                             " operations; the heat map takes at most " + std::to_string(kMaxNodes),
                         {0, text_.size()}};
    return;
  }
  expr::Vars vars{{free.names[0], 0.0}, {free.names[1], 0.0}};
  auto values = expr::input_values(*program, vars);
  if (!values) {
    error_ = values.error();
    return;
  }
  error_.reset();
  program_.emplace(std::move(*program));
  tape_ = expr::Tape(*program_);
  values_ = std::move(*values);
  x_input_ = y_input_ = -1;
  for (std::size_t i = 0; i < program_->inputs.size(); ++i) {
    if (program_->inputs[i].name == free.names[0]) x_input_ = static_cast<int>(i);
    if (program_->inputs[i].name == free.names[1]) y_input_ = static_cast<int>(i);
  }
  names_[0] = free.names[0], names_[1] = free.names[1];
  if (!has_function_) home_x_min_ = s.view_x_min, home_x_max_ = s.view_x_max;
  has_function_ = true;
  ++generation_;
}

void PlaneModel::fit_view(FunctionState& s) const {
  if (home_x_min_ < home_x_max_) s.view_x_min = home_x_min_, s.view_x_max = home_x_max_;
  const double half = (s.view_x_max - s.view_x_min) / 2;
  s.plane.view_y_min = -half, s.plane.view_y_max = half;
}

double PlaneModel::value_at(double x, double y) {
  if (x_input_ >= 0) values_[static_cast<std::size_t>(x_input_)] = x;
  if (y_input_ >= 0) values_[static_cast<std::size_t>(y_input_)] = y;
  return tape_.forward(values_);
}

void PlaneModel::gradient_at(double x, double y, double& value, double& gx, double& gy) {
  value = value_at(x, y);
  tape_.backward();
  gx = x_input_ >= 0 ? tape_.grad_of_input(x_input_) : 0;
  gy = y_input_ >= 0 ? tape_.grad_of_input(y_input_) : 0;
}

// The same three formulas as the 1-D view's: (f(p+h) − f(p))/h, (f(p+h) − f(p−h))/2h, (f(p) − f(p−h))/h.
double PlaneModel::finite_difference(double x, double y, bool along_x, double h, Scheme scheme) {
  const auto f = [&](double d) { return along_x ? value_at(x + d, y) : value_at(x, y + d); };
  switch (scheme) {
    case Scheme::kForward: return (f(h) - f(0)) / h;
    case Scheme::kCentral: return (f(h) - f(-h)) / (2 * h);
    case Scheme::kBackward: return (f(0) - f(-h)) / h;
  }
  return NAN;
}

const PlaneReading& PlaneModel::reading(const FunctionState& s) {
  PlaneReading& r = reading_;
  const double h = step_size(s);
  if (reading_generation_ == generation_ && r.x0 == s.x0 && r.y0 == s.plane.y0 && r.h == h && r.scheme == s.scheme &&
      r.direction == s.plane.direction) {
    return r;
  }
  reading_generation_ = generation_;
  r.x0 = s.x0, r.y0 = s.plane.y0, r.h = h, r.scheme = s.scheme, r.direction = s.plane.direction;
  r.estimate_x = finite_difference(r.x0, r.y0, true, h, r.scheme);
  r.estimate_y = finite_difference(r.x0, r.y0, false, h, r.scheme);
  gradient_at(r.x0, r.y0, r.value, r.dfdx, r.dfdy);
  const double theta = r.direction * M_PI / 180;
  r.directional = r.dfdx * std::cos(theta) + r.dfdy * std::sin(theta);
  return r;
}

bool PlaneModel::start(SampledGrid& g, double x_min, double x_max, double y_min, double y_max, int n) {
  if (g.generation == generation_ && g.n == n && g.x_min == x_min && g.x_max == x_max && g.y_min == y_min &&
      g.y_max == y_max) {
    return false;
  }
  g.generation = generation_, g.n = n;
  g.x_min = x_min, g.x_max = x_max, g.y_min = y_min, g.y_max = y_max;
  const auto size = static_cast<std::size_t>(n);
  g.values.resize(size * size);
  return true;
}

// One sweep per row: the vertical variable fixed, the horizontal one varying.
void PlaneModel::sample_cells(SampledGrid& g, int j, int i_begin, int i_end) {
  const auto count = static_cast<std::size_t>(i_end - i_begin);
  row_xs_.resize(count);
  row_values_.resize(count);
  for (int i = i_begin; i < i_end; ++i) row_xs_[static_cast<std::size_t>(i - i_begin)] = g.x_at(i);
  if (y_input_ >= 0) values_[static_cast<std::size_t>(y_input_)] = g.y_at(j);
  tape_.sweep(x_input_, values_, row_xs_.data(), count, row_values_.data(), nullptr);
  float* out = g.values.data() + static_cast<std::size_t>(j) * static_cast<std::size_t>(g.n) + i_begin;
  for (std::size_t i = 0; i < count; ++i) out[i] = static_cast<float>(row_values_[i]);
}

bool PlaneModel::covers(const SampledGrid& g, double x_min, double x_max, double y_min, double y_max) const {
  if (g.generation != generation_ || g.n <= 0) return false;
  const double w = g.x_max - g.x_min, h = g.y_max - g.y_min;
  if (std::fabs((x_max - x_min) - w) > w * 1e-9 || std::fabs((y_max - y_min) - h) > h * 1e-9) return false;
  const double half_cell_x = w / g.n / 2, half_cell_y = h / g.n / 2;
  return std::fabs(x_min - g.x_min) <= half_cell_x * (1 + 1e-9) &&
         std::fabs(y_min - g.y_min) <= half_cell_y * (1 + 1e-9);
}

namespace {
// Copies n floats with a loop the compiler keeps (and vectorises): WebAssembly's libc hands a memcpy of 512
// bytes or more to JavaScript, and a pan copies 256 rows of 1 KB; as calls out those were 0.5 ms of a pan's
// frame at 4× CPU throttling.
#if defined(__clang__)
#define BP_NO_MEMCPY __attribute__((no_builtin("memcpy", "memmove")))
#else
#define BP_NO_MEMCPY
#endif
BP_NO_MEMCPY void copy_floats(const float* from, std::size_t n, float* to) {
  for (std::size_t k = 0; k < n; ++k) to[k] = from[k];
}
}  // namespace

bool PlaneModel::shift(SampledGrid& g, double x_min, double x_max, double y_min, double y_max) {
  if (g.generation != generation_ || g.n <= 0) return false;
  const double w = g.x_max - g.x_min, h = g.y_max - g.y_min;
  if (std::fabs((x_max - x_min) - w) > w * 1e-9 || std::fabs((y_max - y_min) - h) > h * 1e-9) return false;
  const int n = g.n;
  const double cell_x = w / n, cell_y = h / n;
  const double across = std::round((x_min - g.x_min) / cell_x), up = std::round((y_min - g.y_min) / cell_y);
  if (!(std::fabs(across) < n && std::fabs(up) < n)) return false;
  const int si = static_cast<int>(across), sj = static_cast<int>(up);
  const int fresh = (std::abs(si) + std::abs(sj)) * n - std::abs(si) * std::abs(sj);  // samples to take
  if (fresh > kCoarseGrid * kCoarseGrid) return false;  // a jump: the coarse grid is cheaper
  // Cell (i, j) of the moved grid is cell (i + si, j + sj) of the old one.
  const auto size = static_cast<std::size_t>(n);
  moved_.resize(size * size);
  const int i_begin = std::max(0, -si), i_end = std::min(n, n - si);  // the columns the old grid has
  for (int j = 0; j < n; ++j) {
    const int from = j + sj;
    if (from < 0 || from >= n) continue;
    const float* source = g.values.data() + static_cast<std::size_t>(from) * size;
    copy_floats(source + i_begin + si, static_cast<std::size_t>(i_end - i_begin),
                moved_.data() + static_cast<std::size_t>(j) * size + i_begin);
  }
  std::swap(g.values, moved_);
  g.x_min += si * cell_x, g.x_max += si * cell_x, g.y_min += sj * cell_y, g.y_max += sj * cell_y;
  for (int j = 0; j < n; ++j) {
    const int from = j + sj;
    if (from < 0 || from >= n) {
      sample_row(g, j);  // a whole new row
      continue;
    }
    if (i_begin > 0) sample_cells(g, j, 0, i_begin);  // the new columns on the left
    if (i_end < n) sample_cells(g, j, i_end, n);      // or on the right
  }
  colour_range(g, kPanRangeStride);
  return true;
}

void PlaneModel::sample(SampledGrid& g, double x_min, double x_max, double y_min, double y_max, int n) {
  if (!start(g, x_min, x_max, y_min, y_max, n)) return;
  for (int j = 0; j < n; ++j) sample_row(g, j);
  colour_range(g);
}

const SampledGrid& PlaneModel::grid(double x_min, double x_max, double y_min, double y_max, int n, double deadline) {
  const double asked[4] = {x_min, x_max, y_min, y_max};
  const bool is_moving = !std::equal(asked, asked + 4, asked_);
  std::copy(asked, asked + 4, asked_);
  // Interactive calls take a grid moved by whole cells as it is (the shader places it); others want the window exactly.
  const bool is_shown = deadline < INFINITY ? covers(grid_, x_min, x_max, y_min, y_max)
                                            : grid_.generation == generation_ && grid_.x_min == x_min &&
                                                  grid_.x_max == x_max && grid_.y_min == y_min && grid_.y_max == y_max;
  if (!is_shown) {
    // A pan: the grid shown moves by whole cells and only the exposed strips are sampled, at its resolution.
    if (deadline < INFINITY && shift(grid_, x_min, x_max, y_min, y_max)) {
      pending_.n = 0, pending_rows_ = 0;
      return grid_;
    }
    // Anything else is drawn at once, coarse: the frame that changed f or the window shows it.
    sample(grid_, x_min, x_max, y_min, y_max, std::min(n, kCoarseGrid));
    // While the window moves every frame (a pan, a pinch) a finer grid would be stale before it is done:
    // refining starts in the first frame that asks for the same window again.
    if (deadline < INFINITY && grid_.n < n) return grid_;
  }
  if (grid_.n >= n || (deadline < INFINITY && is_moving)) {
    if (grid_.n >= n) pending_rows_ = pending_.n;  // nothing finer to do
    return grid_;
  }
  if (start(pending_, x_min, x_max, y_min, y_max, n)) pending_rows_ = 0;
  while (pending_rows_ < n) {
    sample_row(pending_, pending_rows_++);
    if (now_ms() > deadline) break;
  }
  if (pending_rows_ == n) {
    colour_range(pending_);
    std::swap(grid_, pending_);
    pending_.n = 0, pending_rows_ = 0;
  }
  return grid_;
}

const SampledGrid& PlaneModel::mesh(double x_min, double x_max, double y_min, double y_max, int n) {
  sample(mesh_, x_min, x_max, y_min, y_max, n);
  return mesh_;
}

void PlaneModel::gradients(const double* xs, const double* ys, std::size_t m, double* values, double* gxs,
                           double* gys) {
  for (std::size_t k = 0; k < m; ++k) gradient_at(xs[k], ys[k], values[k], gxs[k], gys[k]);
}

// Marching squares: in each cell whose corners straddle the level, the crossings on its edges (linear
// interpolation) joined in pairs; a cell with four crossings (a saddle) pairs them by its centre's side.
// No Newton steps back onto the level: two for the 8,000 ends of a wavy f's level set took 20 ms, and the
// interpolation is already within a fraction of a 256-cell grid's cell, under a pixel.
const std::vector<std::array<double, 4>>& PlaneModel::level_curve(const FunctionState& s, double x_min, double x_max,
                                                                  double y_min, double y_max) {
  if (!covers(grid_, x_min, x_max, y_min, y_max)) grid(x_min, x_max, y_min, y_max, kLevelGrid);
  const SampledGrid& g = grid_;
  const double key[7] = {s.x0, s.plane.y0, x_min, x_max, y_min, y_max, static_cast<double>(g.n)};
  if (level_generation_ == generation_ && std::equal(key, key + 7, level_key_)) return level_;
  level_generation_ = generation_;
  std::copy(key, key + 7, level_key_);
  level_.clear();
  const double level = value_at(s.x0, s.plane.y0);
  if (!std::isfinite(level)) return level_;
  const std::size_t n = static_cast<std::size_t>(g.n);
  // Cells `stride` samples wide, about kLevelGrid per side: on the heat map's 256² grid every other sample (cells
  // of 3 to 7 pixels, the interpolation still within a pixel), a quarter of the cells and half the segments.
  const std::size_t stride = std::max<std::size_t>(1, n / kLevelGrid);
  const float* values = g.values.data();
  const auto below = [&](std::size_t k) { return values[k] < level; };  // NaN counts as above: skipped below
  for (std::size_t j = 0; j + stride < n; j += stride) {
    for (std::size_t i = 0; i + stride < n; i += stride) {
      const std::size_t k = j * n + i, up = stride * n;
      const bool b0 = below(k), b1 = below(k + stride), b2 = below(k + up + stride), b3 = below(k + up);
      if (b0 == b1 && b1 == b2 && b2 == b3) continue;  // most cells: all on one side, nothing to compute
      // Corners counter-clockwise from the bottom left, and the edges between them.
      const double v[4] = {values[k] - level, values[k + stride] - level, values[k + up + stride] - level,
                           values[k + up] - level};
      if (!std::isfinite(v[0] + v[1] + v[2] + v[3])) continue;
      const int i0 = static_cast<int>(i), j0 = static_cast<int>(j), i1 = static_cast<int>(i + stride),
                j1 = static_cast<int>(j + stride);
      const double cx[4] = {g.x_at(i0), g.x_at(i1), g.x_at(i1), g.x_at(i0)};
      const double cy[4] = {g.y_at(j0), g.y_at(j0), g.y_at(j1), g.y_at(j1)};
      double px[4], py[4];
      int crossings = 0;
      for (int e = 0; e < 4; ++e) {
        const double a = v[e], b = v[(e + 1) % 4];
        if ((a < 0) == (b < 0)) continue;
        const double t = a / (a - b);
        px[crossings] = cx[e] + t * (cx[(e + 1) % 4] - cx[e]);
        py[crossings] = cy[e] + t * (cy[(e + 1) % 4] - cy[e]);
        ++crossings;
      }
      if (crossings < 2) continue;
      if (crossings == 4 && ((v[0] + v[1] + v[2] + v[3] < 0) != (v[0] < 0))) {  // the other pairing
        std::swap(px[1], px[3]), std::swap(py[1], py[3]);
      }
      for (int c = 0; c + 1 < crossings; c += 2) level_.push_back({px[c], py[c], px[c + 1], py[c + 1]});
    }
  }
  return level_;
}

}  // namespace bp::app
