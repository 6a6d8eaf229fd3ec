// Graph mode panel: program editor and sliders on the left, the graph on the right.
#include "graph/panel.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <unordered_set>

#include "expr/engine.hpp"
#include "expr/printer.hpp"
#include "state/description.hpp"
#include "state/embed_options.hpp"
#include "widgets/expression_field.hpp"
#include "fonts.hpp"
#include "graph/experiments.hpp"
#include "graph/layout.hpp"
#include "imgui.h"
#include "platform.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {

// What the panel derives from the program, kept between frames: the parse and the layout change
// only with the program's text, the values and gradients only with the inputs' values. A long
// program (20,000 characters) is parsed in one frame and evaluated in the next, and meanwhile the
// previous graph stays on screen.
struct Computed {
  std::string text;                      // the program these describe
  std::optional<expr::Program> program;  // compiled once per text
  std::optional<expr::Error> error;
  std::optional<expr::GraphExport> graph;
  std::vector<expr::Input> inputs;
  expr::Vars vars;                       // the values the graph was evaluated at
  bool evaluated = false;                // graph (or error) is of this program at vars
  GraphLayout layout;                    // of graph
  bool laid_out = false;                 // layout is of this program's graph
};

double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double value_of(const GraphState& s, const expr::Input& input) {
  for (const auto& [name, v] : s.values) {
    if (name == input.name) return v;
  }
  return input.default_value.value_or(1.0);  // a name the program reads but never sets starts at 1
}

// `pending`: the graph is not evaluated yet (the frame's budget went on parsing): next frame.
const Computed& compute(const GraphState& s, double deadline, bool& pending) {
  static Computed c;
  if (c.text != s.program || (!c.program && !c.error)) {
    c.text = s.program;
    c.program.reset();
    c.error.reset();
    c.inputs.clear();
    c.vars.clear();
    c.evaluated = c.laid_out = false;
    auto program = expr::compile(s.program, {});
    if (!program) {
      c.error = program.error();
      c.graph.reset();
      return c;
    }
    c.inputs = program->inputs;
    c.program.emplace(std::move(*program));
  }
  if (!c.program) return c;
  expr::Vars vars;
  for (const auto& input : c.inputs) vars.emplace_back(input.name, value_of(s, input));
  if (c.evaluated && c.vars == vars) return c;
  if (now_ms() > deadline) {
    pending = true;
    return c;
  }
  c.vars = std::move(vars);
  c.evaluated = true;
  // Inputs are never e or pi (those read as constants here), so the program compiled without the
  // caller's names is the one graph() would compile with them.
  auto graph = expr::graph(*c.program, c.vars);
  c.graph.reset();
  c.error.reset();
  if (!graph) {
    c.error = graph.error();
    return c;
  }
  if (!c.laid_out) {  // the same text gives the same graph: laid out once
    c.layout = layout_graph(*graph);
    c.laid_out = true;
  }
  c.graph = std::move(*graph);
  return c;
}

void set_value(GraphState& s, const std::string& name, double v) {
  for (auto& entry : s.values) {
    if (entry.first == name) {
      entry.second = v;
      return;
    }
  }
  s.values.emplace_back(name, v);
}

// How many nodes have their gradient shown: the backward pass goes from the output (last id) down.
bool is_revealed(const GraphState& s, int id, int count) {
  return s.backward_step < 0 || count - 1 - id < s.backward_step;
}

bool is_operator_label(const std::string& label) { return label.find_first_of("+-*/^") != std::string::npos; }

std::string formula(const expr::GraphExport& g, const expr::ExportedNode& node, int depth = 0);

// Unnamed operations are written out this many levels deep, then as "…": a chain of thousands
// (x*x*…*x in one line) would make each name as long as the program, and recurse as deep.
constexpr int kMaxFormulaDepth = 4;

// A node as its name, or for an unnamed operation its formula: "d", "(w·x)".
std::string node_name(const expr::GraphExport& g, const expr::ExportedNode& node, int depth = 0) {
  if (!is_operator_label(node.label)) return node.label;
  if (depth >= kMaxFormulaDepth) return "…";
  return node.inputs.size() == 2 ? "(" + formula(g, node, depth) + ")" : formula(g, node, depth);
}

// "a·b", "d + c", "sin(x)": the node's operation written with its inputs' names. Unnamed inputs are
// written out in turn, at most kMaxFormulaDepth levels deep.
std::string formula(const expr::GraphExport& g, const expr::ExportedNode& node, int depth) {
  auto name = [&](int k) {
    return node_name(g, g.nodes[static_cast<std::size_t>(node.inputs[static_cast<std::size_t>(k)])], depth + 1);
  };
  if (node.inputs.empty()) return "";
  if (node.inputs.size() == 2) {
    const std::string op = node.op == "add" ? " + " : node.op == "sub" ? " − " : node.op == "mul" ? "·" : node.op == "div" ? "/" : "^";
    return name(0) + op + name(1);
  }
  if (node.op == "neg") return "−" + name(0);
  return node.op + "(" + name(0) + ")";
}

// "∂L/∂d = ∂L/∂e · ∂e/∂d = −2 · 1 = −2": the chain rule for `node`, from its users' gradients.
std::string chain_rule(const expr::GraphExport& g, const expr::ExportedNode& node) {
  const auto node_name = [&](const expr::ExportedNode& n) { return bp::app::node_name(g, n); };
  const std::string& out = g.nodes[static_cast<std::size_t>(g.output)].label;
  if (node.id == g.output) return "∂" + out + "/∂" + out + " = 1";
  std::string symbols = "∂" + out + "/∂" + node_name(node) + " =";
  std::string numbers;
  bool first = true;
  char buffer[96];
  for (const auto& user : g.nodes) {
    for (std::size_t k = 0; k < user.inputs.size(); ++k) {
      if (user.inputs[k] != node.id) continue;
      symbols += (first ? " " : " + ") + ("∂" + out + "/∂" + node_name(user) + " · ∂" + node_name(user) + "/∂" + node_name(node));
      std::snprintf(buffer, sizeof buffer, "%s%g · %g", first ? " " : " + ", user.grad.value_or(0), user.local[k]);
      numbers += buffer;
      first = false;
    }
  }
  std::snprintf(buffer, sizeof buffer, " = %g", node.grad.value_or(0));
  const bool shared = numbers.find(" + ") != std::string::npos;
  return symbols + "\n  =" + numbers + buffer +
         (shared ? "\n(" + node_name(node) + " feeds several nodes: their contributions add up, grad += each)" : "");
}

// Cuts the segment pq to the rectangle [lo, hi] (Liang–Barsky); false when none of it is inside.
bool clip_segment(ImVec2& p, ImVec2& q, ImVec2 lo, ImVec2 hi) {
  float t0 = 0, t1 = 1;
  const float dx = q.x - p.x, dy = q.y - p.y;
  const float edges[4][2] = {{-dx, p.x - lo.x}, {dx, hi.x - p.x}, {-dy, p.y - lo.y}, {dy, hi.y - p.y}};
  for (const auto& [denominator, distance] : edges) {
    if (denominator == 0) {
      if (distance < 0) return false;
      continue;
    }
    const float t = distance / denominator;
    if (denominator < 0) {
      t0 = std::max(t0, t);
    } else {
      t1 = std::min(t1, t);
    }
    if (t0 > t1) return false;
  }
  q = ImVec2(p.x + t1 * dx, p.y + t1 * dy);
  p = ImVec2(p.x + t0 * dx, p.y + t0 * dy);
  return true;
}

void draw_graph(GraphState& s, const Computed& c, ImVec2 size) {
  const auto& g = *c.graph;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("graph_canvas", size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), theme::colors().plot_background);
  const float box_w = 118, box_h = 58;
  const float col_w = std::max(box_w + 40, size.x / static_cast<float>(std::max(1, c.layout.columns)));
  const float row_h = std::max(box_h + 24, std::min(120.0f, size.y / static_cast<float>(std::max(1, c.layout.rows))));
  auto center = [&](int id) {
    const NodePlace& p = c.layout.places[static_cast<std::size_t>(id)];
    return ImVec2(origin.x + col_w * (static_cast<float>(p.column) + 0.5f), origin.y + 30 + row_h * (static_cast<float>(p.row) + 0.5f));
  };
  const int count = static_cast<int>(g.nodes.size());
  // Only what can be seen is drawn: a long program's graph runs far beyond the canvas, and its
  // thousands of boxes would cost a frame much more than the few on screen.
  const ImVec2 clip_lo = draw->GetClipRectMin(), clip_hi = draw->GetClipRectMax();
  const auto visible = [&](ImVec2 lo, ImVec2 hi) {
    return hi.x >= clip_lo.x && lo.x <= clip_hi.x && hi.y >= clip_lo.y && lo.y <= clip_hi.y;
  };
  std::unordered_set<std::uint64_t> drawn;  // clipped edges, by their ends' pixels
  for (const auto& node : g.nodes) {  // edges first, under the boxes
    const ImVec2 to = center(node.id);
    for (int input : node.inputs) {
      const ImVec2 from = center(input);
      const ImVec2 a(from.x + box_w / 2, from.y), b(to.x - box_w / 2, to.y);
      if (!visible(ImVec2(std::min(a.x, b.x) - 30, std::min(a.y, b.y)), ImVec2(std::max(a.x, b.x) + 30, std::max(a.y, b.y)))) continue;
      if (!visible(a, a) || !visible(b, b)) {
        // To or from a node off the canvas: the part in view, straight. A curve thousands of pixels
        // long would be cut into hundreds of segments, and an input of a long chain has thousands
        // of such edges, which in view are mostly the same line: each is drawn once.
        ImVec2 p = a, q = b;
        if (clip_segment(p, q, clip_lo, clip_hi)) {
          const auto pixel = [](ImVec2 v) { return static_cast<std::uint64_t>(static_cast<std::uint32_t>(std::lround(v.x))) << 32 |
                                                   static_cast<std::uint32_t>(std::lround(v.y)); };
          if (drawn.insert(pixel(p) ^ (pixel(q) * 0x9E3779B97F4A7C15ull)).second) draw->AddLine(p, q, theme::colors().axis, 1.5f);
        }
        if (!visible(b, b)) continue;
      } else {
        draw->AddBezierCubic(a, ImVec2(a.x + 30, a.y), ImVec2(b.x - 30, b.y), b, theme::colors().axis, 1.5f);
      }
      draw->AddTriangleFilled(b, ImVec2(b.x - 8, b.y - 4), ImVec2(b.x - 8, b.y + 4), theme::colors().axis);
    }
  }
  char text[64];
  for (const auto& node : g.nodes) {
    const ImVec2 m = center(node.id);
    const ImVec2 lo(m.x - box_w / 2, m.y - box_h / 2), hi(m.x + box_w / 2, m.y + box_h / 2);
    if (!visible(lo, hi)) continue;
    const bool revealed = is_revealed(s, node.id, count) && node.grad.has_value();
    const bool current = s.backward_step > 0 && count - s.backward_step == node.id;
    draw->AddRectFilled(lo, hi, current ? theme::colors().node_current : theme::colors().node_fill, 6);
    draw->AddRect(lo, hi, current ? theme::colors().tangent : IM_COL32(0, 0, 0, 70), 6, 0, current ? 2.5f : 1.0f);
    const std::string title = node.inputs.empty()                ? node.label
                              : is_operator_label(node.label)       ? formula(g, node)
                                                                    : node.label + " = " + formula(g, node);
    draw->AddText(ImVec2(lo.x + 8, lo.y + 4), theme::colors().label, title.c_str());
    std::snprintf(text, sizeof text, std::isnan(node.value) ? "value NaN: undefined" : "value %.4g", node.value);
    if (!std::isfinite(node.value)) draw->AddRect(lo, hi, theme::colors().error, 6, 0, 2.5f);
    draw->AddText(platform::fonts().mono, ImGui::GetFontSize() * 0.9f, ImVec2(lo.x + 8, lo.y + 22), theme::colors().curve, text);
    if (node.grad) {
      if (revealed) {
        std::snprintf(text, sizeof text, "grad  %.4g", *node.grad);
      } else {
        std::snprintf(text, sizeof text, "grad  ?");
      }
      draw->AddText(platform::fonts().mono, ImGui::GetFontSize() * 0.9f, ImVec2(lo.x + 8, lo.y + 38),
                    revealed ? theme::colors().tangent : theme::colors().muted, text);
    }
  }
  // Drawn last, over the boxes. While stepping: on each edge out of the current node, upstream gradient × local derivative.
  if (s.backward_step > 0 && s.backward_step <= count) {
    const int current = count - s.backward_step;
    for (const auto& user : g.nodes) {
      for (std::size_t k = 0; k < user.inputs.size(); ++k) {
        if (user.inputs[k] != current) continue;
        const ImVec2 a = center(current), b = center(user.id);
        const ImVec2 mid((a.x + box_w / 2 + b.x - box_w / 2) / 2, (a.y + b.y) / 2 - 22);  // over the edge
        if (!visible(ImVec2(mid.x - 200, mid.y - 20), ImVec2(mid.x + 200, mid.y + 40))) continue;
        std::snprintf(text, sizeof text, "%g × %g = %g", user.grad.value_or(0), user.local[k],
                      user.grad.value_or(0) * user.local[k]);
        const ImVec2 extent = ImGui::CalcTextSize(text);
        draw->AddRectFilled(ImVec2(mid.x - extent.x / 2 - 4, mid.y - 2),
                            ImVec2(mid.x + extent.x / 2 + 4, mid.y + extent.y + 2), theme::colors().highlight, 4);
        draw->AddText(ImVec2(mid.x - extent.x / 2, mid.y), theme::colors().tangent, text);
      }
    }
  }
}

}  // namespace

void graph_panel(GraphState& s) {
  bool pending = false;
  const Computed& c = compute(s, now_ms() + 12, pending);
  if (pending) platform::request_frame();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // Narrow embeds give the pictures the room: the controls take at most 36% of the width.
  const float controls_width = std::clamp(ImGui::GetContentRegionAvail().x * 0.36f, 220.0f, 360.0f);

  ImGui::BeginChild("graph_controls", ImVec2(controls_width + 20, avail.y));
  ImGui::TextUnformatted("Program");
  const EmbedOptions& embed = embed_options();
  if (expression_field("program", s.program, c.error ? &*c.error : nullptr, controls_width, true, 8, embed.locks("prog"))) {
    s.backward_step = -1;
  }
  if (c.error) describe("Graph mode. The program has an error: " + c.error->message);
  if (c.graph) {
    if (!embed.hides("inputs")) {
      ImGui::Separator();
      ImGui::TextUnformatted("Inputs (drag to change)");
    }
    for (const auto& input : c.inputs) {
      if (embed.hides("inputs")) break;
      float v = static_cast<float>(value_of(s, input));
      ImGui::SetNextItemWidth(controls_width - 60);
      if (ImGui::DragFloat(input.name.c_str(), &v, 0.05f, -100.0f, 100.0f, "%.3f")) set_value(s, input.name, v);
    }
    ImGui::Separator();
    const int count = static_cast<int>(c.graph->nodes.size());
    if (!embed.hides("backward")) {
    ImGui::TextUnformatted("Backward pass, one node at a time");
    if (ImGui::Button("Reset gradients")) s.backward_step = 0;
    ImGui::SameLine();
    if (ImGui::Button("Step ▶")) s.backward_step = s.backward_step < 0 ? 1 : std::min(count, s.backward_step + 1);
    ImGui::SameLine();
    if (ImGui::Button("◀")) s.backward_step = s.backward_step < 0 ? count - 1 : std::max(0, s.backward_step - 1);
    ImGui::SameLine();
    if (ImGui::Button("Run to the end")) s.backward_step = -1;
    if (s.backward_step == 0) ImGui::TextWrapped("All gradients are 0. Step to start at the output, where ∂L/∂L = 1.");
    if (s.backward_step > 0) {
      const auto& node = c.graph->nodes[static_cast<std::size_t>(count - s.backward_step)];
      ImGui::PushFont(platform::fonts().mono);
      ImGui::TextWrapped("%s", chain_rule(*c.graph, node).c_str());
      ImGui::PopFont();
    }
    }  // backward
    expr::Vars vars;
    for (const auto& input : c.inputs) vars.emplace_back(input.name, value_of(s, input));
    if (!embed.hides("experiments")) {
      gradient_check_section(s.program, *c.program, vars, *c.graph);
      nudge_section(s, *c.program, vars, *c.graph);
    }
    ImGui::Separator();
    const auto& out = c.graph->nodes[static_cast<std::size_t>(c.graph->output)];
    ImGui::Text("%s = %.6g", out.label.c_str(), out.value);
    std::string said = "Graph mode. " + out.label + " = " + expr::format_number(out.value) + ". Gradients:";
    for (const auto& node : c.graph->nodes) {
      if (node.grad && is_revealed(s, node.id, count) && !is_operator_label(node.label)) {
        said += " d" + out.label + "/d" + node.label + " = " + expr::format_number(*node.grad) + ";";
      }
    }
    describe(said);
    for (const auto& node : c.graph->nodes) {
      if (node.op == "var" && is_revealed(s, node.id, count)) {
        ImGui::Text("∂%s/∂%s = %.6g", out.label.c_str(), node.label.c_str(), node.grad.value_or(0));
      }
    }
  }
  ImGui::EndChild();
  ImGui::SameLine();
  if (c.graph) {
    draw_graph(s, c, ImGui::GetContentRegionAvail());
  } else {
    ImGui::TextDisabled("Fix the program to see its graph.");
  }
}

}  // namespace bp::app
