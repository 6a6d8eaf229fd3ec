// Function mode panel. The engine does the math (Function1D: values, reverse-mode slopes, finite
// differences; derivative(): the symbolic f′); this file lays it out and handles the point.
#include "function/panel.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <functional>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "expr/engine.hpp"
#include "expr/function1d.hpp"
#include "expr/printer.hpp"
#include "state/description.hpp"
#include "state/embed_options.hpp"
#include "widgets/export.hpp"
#include "widgets/expression_field.hpp"
#include "fonts.hpp"
#include "imgui.h"
#include "function/curve_sampling.hpp"
#include "platform.hpp"
#include "widgets/plot.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {

using expr::Function1D;

// What the panel derives from the text; rebuilt only when the text changes, in stages (below).
struct Compiled {
  std::string text;
  int stage = 0;            // the next stage of the rebuild for `text`; kCompiled when done
  std::string variable = "x";
  std::optional<expr::Program> program;  // `text` compiled with x as the caller's name
  std::optional<Function1D> f;
  std::optional<expr::Error> error;
  std::string derivative;   // symbolic f′, or its error message
  std::string reading;      // fully parenthesised
  std::uint64_t generation = 0;  // counts the functions f has held: samples of an older one are stale
};

// Samples of a curve kept between frames: taken again only when f or the plot's window changed, in
// slices within the frame's budget. Until a sampling is complete the last complete one is drawn.
struct CurveCache {
  std::vector<CurveRun> runs;  // the last complete sampling
  std::uint64_t generation = 0;
  CurveWindow window;
  bool complete = false;
  std::optional<CurveSampler> pending;
  std::uint64_t pending_generation = 0;
};

// |finite difference − exact| at the error plot's steps of h, for one f, x₀ and scheme.
struct ErrorCurve {
  static constexpr int kSamples = 151;  // h = 1e-16 … 1, ten a decade
  std::uint64_t generation = 0;
  double x0 = NAN;
  Scheme scheme = Scheme::kForward;
  std::vector<double> hs, errors;
  double exact = NAN;  // f′(x₀) the errors are measured against
};

struct Runtime {
  Compiled compiled;
  ErrorCurve error_curve;
  bool fit_pending = false;  // the y range follows the new f once it is compiled
  CurveCache curve, slope_curve;
  ImVec4 plot_rect;  // the function plot's x, y, width, height on screen, for "PNG of the plot"
  bool descending = false;
  std::vector<double> trail;  // x values gradient descent visited
  double descent_clock = 0;
};

Runtime& runtime() {
  static Runtime r;
  return r;
}

// The variable of f: the parameter of `f(t) = ...`, else x when present, else the first free name.
std::string variable_of(const std::optional<expr::Program>& program) {
  if (!program) return "x";
  if (!program->parameters.empty()) return program->parameters.front();
  if (program->find_input("x") || program->inputs.empty()) return "x";
  return program->inputs.front().name;
}

double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// What the panel's heavy work (compiling, sampling curves) may take of a frame. A 20,000-character
// function (the most a field and a link hold) is compiled over a few frames and plotted over a few
// more, so no frame of a 60 Hz page stalls for long.
constexpr double kWorkBudgetMs = 12;

// The parser's ASCII reading as a learner writes it: · for *, − for -, superscripts for whole powers.
std::string pretty(const std::string& ascii) {
  static const char* kSuperscripts[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (std::size_t i = 0; i < ascii.size(); ++i) {
    const char c = ascii[i];
    if (c == '*') {
      out += "·";
    } else if (c == '-') {
      out += "−";
    } else if (c == '^' && i + 1 < ascii.size() && std::isdigit(static_cast<unsigned char>(ascii[i + 1]))) {
      while (i + 1 < ascii.size() && std::isdigit(static_cast<unsigned char>(ascii[i + 1]))) out += kSuperscripts[ascii[++i] - '0'];
    } else {
      out += c;
    }
  }
  return out;
}

// Past this many operations a frame's samples (thousands of evaluations) would freeze the tab.
constexpr std::size_t kMaxPlottedNodes = 20000;

enum Stage { kParse, kFunction, kDerivative, kReading, kCompiled };

void start_compiling(Compiled& c, const std::string& text) {
  c.text = text;
  c.stage = kParse;
}

// One stage of the rebuild: each is at most one pass over the text or its graph (about 20 ms for
// 20,000 characters), so a frame runs one or, for short texts, all of them.
void compile_stage(Compiled& c) {
  switch (c.stage) {
    case kParse: {
      auto program = expr::compile(c.text, {"x"});
      c.program.reset();
      if (program) c.program.emplace(std::move(*program));
      c.variable = variable_of(c.program);
      if (c.program && c.program->graph.size() > kMaxPlottedNodes) {
        c.f.reset();
        ++c.generation;
        c.error = expr::Error{"this function has " + std::to_string(c.program->graph.size()) +
                                  " operations; the plot takes at most " + std::to_string(kMaxPlottedNodes) +
                                  " (the JavaScript API evaluates longer ones)",
                              {0, c.text.size()}};
        c.derivative.clear();
        c.reading.clear();
        c.program.reset();
        c.stage = kCompiled;
        return;
      }
      c.stage = kFunction;
      return;
    }
    case kFunction: {
      auto f = Function1D::compile(c.text, c.variable, {});
      c.f.reset();
      c.error.reset();
      ++c.generation;
      if (f) {
        c.f.emplace(std::move(*f));
      } else {
        c.error = f.error();
      }
      c.derivative = "…";
      c.reading = "…";
      c.stage = kDerivative;
      return;
    }
    case kDerivative: {
      auto d = expr::derivative(c.text, c.variable);
      c.derivative = d ? *d : d.error().message;
      c.stage = kReading;
      return;
    }
    case kReading: {
      std::optional<expr::Program> other;
      if (c.variable != "x") {  // the reading names f's own variable as the caller's
        if (auto program = expr::compile(c.text, {c.variable})) other.emplace(std::move(*program));
      }
      const std::optional<expr::Program>& program = c.variable == "x" ? c.program : other;
      c.reading.clear();
      if (program) {
        auto reading = expr::print_reading(program->graph, program->output);
        c.reading = reading ? pretty(*reading) : reading.error().message;
      }
      c.program.reset();  // only the reading needed it
      c.stage = kCompiled;
      return;
    }
    default: return;
  }
}

// Runs compile stages until done or until the next would end past the deadline (at least one stage
// per call; the stages of one text take about as long as each other, so the last one's time is the
// next one's estimate).
void advance_compiling(Compiled& c, double deadline) {
  double now = now_ms();
  for (;;) {
    const double start = now;
    compile_stage(c);
    now = now_ms();
    if (c.stage == kCompiled || now + (now - start) > deadline) return;
  }
}

// The cache's samples of f for `window`, sampling further until the deadline. `more` is set while
// a sampling is under way (the panel asks for another frame).
const std::vector<CurveRun>& cached_curve(CurveCache& cache, std::uint64_t generation, const CurveWindow& window,
                                          const std::function<double(double)>& f, double deadline, bool& more) {
  const auto same = [](const CurveWindow& a, const CurveWindow& b) {
    return a.x_min == b.x_min && a.x_max == b.x_max && a.y_min == b.y_min && a.y_max == b.y_max && a.width == b.width &&
           a.height == b.height;
  };
  const bool current = cache.complete && cache.generation == generation && same(cache.window, window);
  // A sampling of an older f is of no use; one of this f for a window since left is finished first,
  // so a plot being dragged still shows curves, a few frames behind.
  if (cache.pending && cache.pending_generation != generation) cache.pending.reset();
  if (!current && !cache.pending) {
    cache.pending.emplace(window);
    cache.pending_generation = generation;
  }
  if (cache.pending) {
    if (cache.pending->run(f, [&] { return now_ms() > deadline; })) {
      cache.runs = std::move(cache.pending->runs());
      cache.window = cache.pending->window();
      cache.generation = cache.pending_generation;
      cache.complete = true;
      cache.pending.reset();
      if (!same(cache.window, window)) more = true;
    } else {
      more = true;
    }
  }
  return cache.runs;
}

expr::Scheme engine_scheme(Scheme s) {
  return s == Scheme::kForward ? expr::Scheme::kForward : s == Scheme::kCentral ? expr::Scheme::kCentral
                                                                                 : expr::Scheme::kBackward;
}

const char* scheme_formula(Scheme s) {
  switch (s) {
    case Scheme::kForward: return "(f(x₀+h) − f(x₀)) / h";
    case Scheme::kCentral: return "(f(x₀+h) − f(x₀−h)) / 2h";
    case Scheme::kBackward: return "(f(x₀) − f(x₀−h)) / h";
  }
  return "";
}

void readout(const char* name, double value, ImU32 color = 0) {
  ImGui::TextUnformatted(name);
  ImGui::SameLine(170);
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushFont(platform::fonts().mono);
  ImGui::Text("%.17g", value);
  ImGui::PopFont();
  if (color) ImGui::PopStyleColor();
  if (!std::isfinite(value)) {  // a domain error is named, not left as silent garbage
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::TextWrapped(std::isnan(value) ? "  not a number: undefined here (log or √ of a negative, 0/0, ∞ − ∞)"
                                         : "  infinite here (a division by zero or an overflow)");
    ImGui::PopStyleColor();
  }
}

void controls(FunctionState& s, Runtime& r, float width) {
  Compiled& c = r.compiled;
  ImGui::TextUnformatted("Function");
  const EmbedOptions& embed = embed_options();
  if (expression_field("f", s.text, c.error ? &*c.error : nullptr, width, false, 1, embed.locks("expr"))) {
    // Compiled from the next frame on: this one took the edit in (a paste of 20,000 characters costs
    // ImGui a while). Typing keeps the view; a link or the gallery fits it (function_panel()).
    start_compiling(c, s.text);
  }
  if (c.error) describe("Function mode. The function " + s.text + " has an error: " + c.error->message);
  if (!embed.hides("reading")) {
    ImGui::Checkbox("show how it was read", &s.show_reading);
    if (s.show_reading) ImGui::TextWrapped("%s", c.reading.c_str());
  }
  if (!c.f) return;

  ImGui::Separator();
  ImGui::SetNextItemWidth(width - 60);
  double step = 0.01;
  ImGui::BeginDisabled(embed.locks("x0"));
  ImGui::InputScalar("x₀", ImGuiDataType_Double, &s.x0, &step, nullptr, "%.6g");
  ImGui::EndDisabled();
  const double h = step_size(s);
  float log_h = static_cast<float>(s.log10_h);
  ImGui::BeginDisabled(embed.hides("h"));
  ImGui::SetNextItemWidth(width - 60);
  char h_label[32];
  std::snprintf(h_label, sizeof h_label, h >= 1e-3 ? "h = %.3g" : "h = %.0e", h);
  if (ImGui::SliderFloat("h", &log_h, -15.0f, 0.0f, h_label)) s.log10_h = log_h;
  int scheme = static_cast<int>(s.scheme);
  ImGui::RadioButton("forward", &scheme, 0);
  ImGui::SameLine();
  ImGui::RadioButton("central", &scheme, 1);
  ImGui::SameLine();
  ImGui::RadioButton("backward", &scheme, 2);
  s.scheme = static_cast<Scheme>(scheme);
  ImGui::EndDisabled();

  const auto exact = c.f->value_and_slope(s.x0);
  const double estimate = c.f->finite_difference(s.x0, h, engine_scheme(s.scheme));
  char said[256];
  std::snprintf(said, sizeof said, "At x0 = %.6g: f(x0) = %.6g, exact slope %.6g; %s finite difference with h = %.3g gives %.10g.",
                s.x0, exact.value, exact.slope, s.scheme == Scheme::kForward ? "forward" : s.scheme == Scheme::kCentral ? "central" : "backward",
                h, estimate);
  describe("Function mode. f is " + s.text + ". " + said);
  ImGui::Separator();
  readout("f(x₀)", exact.value);
  readout("exact slope f′(x₀)", exact.slope, theme::colors().tangent);
  ImGui::TextDisabled("  reverse-mode autodiff");
  readout("finite difference", estimate, theme::colors().secant);
  ImGui::TextDisabled("  %s", scheme_formula(s.scheme));
  readout("difference", estimate - exact.slope);

  if (embed.hides("derivative")) return;
  ImGui::Separator();
  ImGui::Checkbox("show f′", &s.show_derivative);
  ImGui::SameLine();
  ImGui::TextDisabled("symbolic:");
  ImGui::TextWrapped("f′(%s) = %s", c.variable.c_str(), c.derivative.c_str());
}

// "2, 6, -2" ⇄ the table's points; a typo keeps the last good list.
void table_points_field(FunctionState& s, float width) {
  static std::string text;
  static std::vector<double> shown;
  if (shown != s.table_points) {
    text.clear();
    for (double x : s.table_points) text += (text.empty() ? "" : ", ") + expr::format_number(x);
    shown = s.table_points;
  }
  ImGui::SetNextItemWidth(width - 60);
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "%s", text.c_str());
  if (ImGui::InputText("points", buffer, sizeof buffer)) {
    text = buffer;
    std::vector<double> points;
    const char* p = buffer;
    char* end = nullptr;
    while (*p && points.size() < 12) {
      const double x = std::strtod(p, &end);
      if (end == p || !std::isfinite(x)) break;
      points.push_back(x);
      p = end;
      while (*p == ',' || *p == ' ' || *p == ';') ++p;
    }
    if (!points.empty() && *p == '\0') s.table_points = shown = points;
  }
}

void seed_table(FunctionState& s, Runtime& r) {
  const double h = step_size(s);
  table_points_field(s, ImGui::GetContentRegionAvail().x);
  if (!ImGui::BeginTable("seed", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("x");
  ImGui::TableSetupColumn("f(x)");
  ImGui::TableSetupColumn("f(x+h)");
  ImGui::TableSetupColumn("(f(x+h)−f(x))/h");
  ImGui::TableHeadersRow();
  ImGui::PushFont(platform::fonts().mono);
  for (double x : s.table_points) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%g", x);
    ImGui::TableNextColumn();
    ImGui::Text("%.10g", r.compiled.f->value(x));
    ImGui::TableNextColumn();
    ImGui::Text("%.16g", r.compiled.f->value(x + h));
    ImGui::TableNextColumn();
    ImGui::Text("%.16g", r.compiled.f->finite_difference(x, h, expr::Scheme::kForward));
  }
  ImGui::PopFont();
  ImGui::EndTable();
}

bool descent_controls(FunctionState& s, Runtime& r, float width) {
  ImGui::TextUnformatted("Gradient descent  x ← x − η·f′(x)");
  ImGui::SetNextItemWidth(width - 60);
  float rate = static_cast<float>(s.learning_rate);
  if (ImGui::SliderFloat("η", &rate, 0.001f, 1.0f, "%.3f", ImGuiSliderFlags_Logarithmic)) s.learning_rate = rate;
  if (ImGui::Button(r.descending ? "Pause" : "Descend")) {
    r.descending = !r.descending;
    if (r.trail.empty()) r.trail.push_back(s.x0);
    if (platform::prefers_reduced_motion()) {  // no animation: all the steps at once, trail and all
      for (int i = 0; i < 200 && r.descending; ++i) {
        const double slope = r.compiled.f->value_and_slope(s.x0).slope;
        s.x0 -= s.learning_rate * slope;
        r.trail.push_back(s.x0);
        if (std::fabs(slope) < 1e-9 || !std::isfinite(s.x0)) r.descending = false;
      }
      r.descending = false;
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("One step")) {
    if (r.trail.empty()) r.trail.push_back(s.x0);
    s.x0 -= s.learning_rate * r.compiled.f->value_and_slope(s.x0).slope;
    r.trail.push_back(s.x0);
  }
  ImGui::SameLine();
  if (ImGui::Button("Clear trail")) {
    r.trail.clear();
    r.descending = false;
  }
  if (r.descending) {
    r.descent_clock += ImGui::GetIO().DeltaTime;
    if (r.descent_clock > 0.15) {  // about seven steps a second: slow enough to follow
      r.descent_clock = 0;
      const double slope = r.compiled.f->value_and_slope(s.x0).slope;
      s.x0 -= s.learning_rate * slope;
      r.trail.push_back(s.x0);
      if (std::fabs(slope) < 1e-9 || !std::isfinite(s.x0) || r.trail.size() > 500) r.descending = false;
    }
  }
  if (!r.trail.empty()) ImGui::Text("%zu steps, x = %.10g", r.trail.size() - 1, s.x0);
  return r.descending;
}

// x, f(x), f′(x) at 401 points across the plot's x range, as CSV.
std::string samples_csv(const FunctionState& s, Function1D& f) {
  std::string csv = "x,f(x),f'(x)\n";
  for (int i = 0; i <= 400; ++i) {
    const double x = s.view_x_min + (s.view_x_max - s.view_x_min) * i / 400;
    const auto p = f.value_and_slope(x);
    csv += expr::format_number(x) + "," + expr::format_number(p.value) + "," + expr::format_number(p.slope) + "\n";
  }
  return csv;
}

void export_buttons(FunctionState& s, Runtime& r) {
  ImGui::TextUnformatted("Save:");
  ImGui::SameLine();
  if (ImGui::SmallButton("plot PNG")) download_png("function-plot.png", r.plot_rect.x, r.plot_rect.y, r.plot_rect.z, r.plot_rect.w);
  ImGui::SameLine();
  if (ImGui::SmallButton("page PNG")) download_png("playground.png");
  ImGui::SameLine();
  if (ImGui::SmallButton("samples CSV")) download_text("function-samples.csv", samples_csv(s, *r.compiled.f));
}

// Returns true while a curve is still being sampled.
bool function_plot(FunctionState& s, Runtime& r, ImVec2 size, double deadline) {
  Function1D& f = *r.compiled.f;
  bool more = false;
  PlotView view{s.view_x_min, s.view_x_max, s.view_y_min, s.view_y_max};
  Plot plot("function_plot", size, view);
  s.view_x_min = view.x_min, s.view_x_max = view.x_max, s.view_y_min = view.y_min, s.view_y_max = view.y_max;
  // Left-drag moves x₀ (anywhere in the plot: a point is hard to hit with a finger). A second finger
  // landing turns the touch into a pinch: x₀ goes back to where it was before the first one.
  static double x0_at_press = s.x0;
  if (ImGui::IsItemActivated()) x0_at_press = s.x0;
  if (platform::gesture().happened() && plot.contains(platform::gesture().center)) s.x0 = x0_at_press;
  if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left) && !embed_options().locks("x0")) {
    s.x0 = plot.x_at(ImGui::GetIO().MousePos.x);
    r.descending = false;
  }
  const std::uint64_t generation = r.compiled.generation;
  const auto& values = cached_curve(r.curve, generation, plot.window(), [&](double x) { return f.value(x); }, deadline, more);
  if (s.show_derivative) {
    const auto& slopes = cached_curve(r.slope_curve, generation, plot.window(),
                                      [&](double x) { return f.value_and_slope(x).slope; }, deadline, more);
    plot.runs(slopes, theme::colors().derivative, 1.5f);
  }
  plot.runs(values, theme::colors().curve, 2.5f);

  const double h = step_size(s);
  const auto p = f.value_and_slope(s.x0);
  plot.line(s.x0, p.value, p.slope, theme::colors().tangent, 1.5f);
  // The secant through the two points the finite difference uses; it turns into the tangent as h shrinks.
  const double xa = s.scheme == Scheme::kForward ? s.x0 : s.x0 - h;
  const double xb = s.scheme == Scheme::kBackward ? s.x0 : s.x0 + h;
  const double ya = f.value(xa), yb = f.value(xb);
  const double secant = (yb - ya) / (xb - xa);
  plot.line(xa, ya, secant, theme::colors().secant, 1.5f);
  plot.point(xa, ya, theme::colors().secant, 4);
  plot.point(xb, yb, theme::colors().secant, 4);
  for (std::size_t i = 0; i + 1 < r.trail.size(); ++i) {
    plot.segment(r.trail[i], f.value(r.trail[i]), r.trail[i + 1], f.value(r.trail[i + 1]), theme::colors().trail, 1.5f);
    plot.point(r.trail[i], f.value(r.trail[i]), theme::colors().trail, 3);
  }
  plot.point(s.x0, p.value, theme::colors().point, 6);
  r.plot_rect = ImVec4(plot.min().x, plot.min().y, plot.max().x - plot.min().x, plot.max().y - plot.min().y);
  char text[64];
  std::snprintf(text, sizeof text, "x₀ = %.4g", s.x0);
  plot.label(s.x0, p.value, text, theme::colors().label);
  plot.end();
  return more;
}

// |finite difference − exact| against h: truncation error falls with h, round-off rises as h shrinks.
void error_plot(FunctionState& s, Runtime& r, ImVec2 size) {
  Function1D& f = *r.compiled.f;
  const expr::Scheme scheme = engine_scheme(s.scheme);
  ErrorCurve& c = r.error_curve;
  constexpr int kSamples = ErrorCurve::kSamples;
  // Taken again only when f, x₀ or the scheme changed, in one block walk: for a 20,000-character f,
  // 302 separate walks took longer than a frame may.
  if (c.generation != r.compiled.generation || !(c.x0 == s.x0) || c.scheme != s.scheme) {
    c.hs.resize(kSamples);
    c.errors.resize(kSamples);
    for (int i = 0; i < kSamples; ++i) c.hs[i] = std::pow(10.0, -16.0 + 16.0 * i / (kSamples - 1));
    f.finite_differences(s.x0, c.hs.data(), kSamples, scheme, c.errors.data());
    c.exact = f.value_and_slope(s.x0).slope;
    for (double& e : c.errors) e = std::fabs(e - c.exact);
    c.generation = r.compiled.generation;
    c.x0 = s.x0;
    c.scheme = s.scheme;
  }
  const std::vector<double>& hs = c.hs;
  const std::vector<double>& errors = c.errors;
  double best_h = 1, best = INFINITY;
  for (int i = 0; i < kSamples; ++i) {
    if (errors[i] > 0 && errors[i] < best) best = errors[i], best_h = hs[i];
  }
  ImGui::TextWrapped("|finite difference − exact| against h (log–log): truncation error falls as h shrinks, round-off rises");
  size.y -= ImGui::GetTextLineHeightWithSpacing();
  PlotView view{-16, 0, -17, 2, true, true};
  Plot plot("error_plot", size, view, false);
  for (int i = 0; i + 1 < kSamples; ++i) {
    const double a = std::max(errors[i], 1e-17), b = std::max(errors[i + 1], 1e-17);  // exact zero: on the floor
    plot.segment(hs[i], a, hs[i + 1], b, theme::colors().secant, 2);
  }
  if (std::isfinite(best)) {
    plot.point(best_h, best, theme::colors().trail, 5);
    char text[64];
    std::snprintf(text, sizeof text, "sweet spot h ≈ %.0e", best_h);
    plot.label(best_h, best, text, theme::colors().trail, ImVec2(8, 4));
  }
  const double h = step_size(s);
  const double current = std::max(std::fabs(f.finite_difference(s.x0, h, scheme) - c.exact), 1e-17);
  plot.point(h, current, theme::colors().point, 6);
  plot.end();
}

}  // namespace

// After the function changes (not when a link opens), the y range follows f over the visible x range.
// Poles would stretch the range to nothing: the 3rd to 97th percentile of the samples decide it.
void fit_y_range(FunctionState& s, Function1D& f) {
  std::vector<double> xs(201), all(201), ys;
  for (int i = 0; i <= 200; ++i) xs[i] = s.view_x_min + (s.view_x_max - s.view_x_min) * i / 200;
  f.sample(xs.data(), xs.size(), all.data(), nullptr);  // one block walk
  for (double y : all) {
    if (std::isfinite(y)) ys.push_back(y);
  }
  if (ys.size() < 10) return;
  std::sort(ys.begin(), ys.end());
  const double lo = ys[ys.size() * 3 / 100], hi = ys[ys.size() * 97 / 100];
  if (!(lo < hi)) return;
  const double pad = (hi - lo) * 0.1;
  s.view_y_min = lo - pad;
  s.view_y_max = hi + pad;
}

bool function_panel(FunctionState& s) {
  Runtime& r = runtime();
  const double deadline = now_ms() + kWorkBudgetMs;
  if (r.compiled.text != s.text || (!r.compiled.f && !r.compiled.error && r.compiled.stage == kCompiled)) {
    r.fit_pending = !r.compiled.text.empty();  // not when a link opens: its view is kept
    start_compiling(r.compiled, s.text);
  }
  if (r.compiled.stage != kCompiled) advance_compiling(r.compiled, deadline);
  if (r.fit_pending && r.compiled.stage > kFunction) {
    r.fit_pending = false;
    if (r.compiled.f) fit_y_range(s, *r.compiled.f);
  }
  // Narrow embeds give the pictures the room: the controls take at most 36% of the width.
  const float controls_width = std::clamp(ImGui::GetContentRegionAvail().x * 0.36f, 220.0f, 360.0f);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  bool animating = false;

  ImGui::BeginChild("controls", ImVec2(controls_width + 20, avail.y), ImGuiChildFlags_None, ImGuiWindowFlags_None);
  controls(s, r, controls_width);
  const EmbedOptions& embed = embed_options();
  if (r.compiled.f) {
    if (!embed.hides("table")) {
      ImGui::Separator();
      seed_table(s, r);
    }
    if (!embed.hides("descent")) {
      ImGui::Separator();
      animating = descent_controls(s, r, controls_width);
    }
    ImGui::Separator();
    export_buttons(s, r);
  }
  ImGui::EndChild();

  ImGui::SameLine();
  ImGui::BeginGroup();
  const ImVec2 right = ImGui::GetContentRegionAvail();
  if (r.compiled.f) {
    if (embed.hides("error")) {
      animating |= function_plot(s, r, right, deadline);
    } else {
      animating |= function_plot(s, r, ImVec2(right.x, right.y * 0.64f), deadline);
      error_plot(s, r, ImVec2(right.x, right.y * 0.36f - ImGui::GetStyle().ItemSpacing.y));
    }
  } else {
    ImGui::TextDisabled("Fix the function to see its plot.");
  }
  ImGui::EndGroup();
  return animating || r.compiled.stage != kCompiled;  // frames until the rebuild is done
}

}  // namespace bp::app
