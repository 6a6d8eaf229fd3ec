// Step-through: the matrices of one example's forward pass, backward pass and SGD update.
#include "network/step_through.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "fonts.hpp"
#include "imgui.h"
#include "network/class_palette.hpp"
#include "state/embed_options.hpp"
#include "widgets/theme.hpp"

namespace bp::app {

namespace {
// A matrix (or a column vector) as a small table of numbers.
void matrix(const char* name, const Eigen::MatrixXd& m) {
  ImGui::TextUnformatted(name);
  if (m.cols() > 16 || m.rows() > 16) {
    ImGui::SameLine();
    ImGui::TextDisabled("(%d×%d, first 16 shown)", static_cast<int>(m.rows()), static_cast<int>(m.cols()));
  }
  const int rows = static_cast<int>(std::min<Eigen::Index>(m.rows(), 16));
  const int cols = static_cast<int>(std::min<Eigen::Index>(m.cols(), 16));
  ImGui::PushID(name);
  // Columns as wide as their numbers; a table wider than the panel scrolls sideways rather than cut them.
  ImGui::PushFont(platform::fonts().mono);
  const float cell = ImGui::CalcTextSize("-0000.0000").x + 2 * ImGui::GetStyle().CellPadding.x + 2;
  const float width = static_cast<float>(cols) * cell;
  const bool scrolls = width > ImGui::GetContentRegionAvail().x;
  const float height = static_cast<float>(rows) * (ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y + 1) +
                       (scrolls ? ImGui::GetStyle().ScrollbarSize : 0) + 4;
  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  if (scrolls) flags |= ImGuiTableFlags_ScrollX;
  if (ImGui::BeginTable("m", cols, flags, scrolls ? ImVec2(0, height) : ImVec2(0, 0))) {
    for (int i = 0; i < rows; ++i) {
      ImGui::TableNextRow();
      for (int j = 0; j < cols; ++j) {
        ImGui::TableNextColumn();
        const double v = m(i, j);
        if (std::isfinite(v)) {
          ImGui::Text("%9.4f", v);
        } else {
          ImGui::TextUnformatted(std::isnan(v) ? "not a number" : v > 0 ? "infinity" : "−infinity");
        }
        if (std::isfinite(v) && ImGui::IsItemHovered()) ImGui::SetTooltip("%.17g", v);  // every digit
      }
    }
    ImGui::EndTable();
  }
  ImGui::PopFont();
  ImGui::PopID();
}

// What a layer with dropout or a skip does between z and a: the mask of this step (0: dropped, 1/(1 − p):
// kept and scaled) and the input added back.
void dropout_and_skip(const nn::Dense& layer, std::size_t l) {
  const std::string n = std::to_string(l + 1), before = std::to_string(l);
  if (layer.dropout > 0 && layer.mask.size()) {
    ImGui::TextWrapped("dropout p = %.2f: each unit dropped with probability p, those kept × 1/(1 − p) = %.4g",
                       layer.dropout, 1 / (1 - layer.dropout));
    matrix(("mask" + n).c_str(), layer.mask);
  }
  if (layer.skip) {
    ImGui::TextWrapped("skip connection: a%s = a%s + %sact(z%s)", n.c_str(), before.c_str(),
                       layer.dropout > 0 ? ("mask" + n + " × ").c_str() : "", n.c_str());
  } else if (layer.dropout > 0) {
    ImGui::TextWrapped("a%s = mask%s × act(z%s), unit by unit", n.c_str(), n.c_str(), n.c_str());
  }
}

// A softmax output's stage, between the forward and the backward pass: the logits z, the probabilities
// p = softmax(z), the loss −log p_y and δ = p − y, with the reason the Jacobian collapses.
void softmax_output(const nn::Network& net, const Eigen::MatrixXd& y, int true_class, double loss) {
  const auto& out = net.layers().back();
  if (!ImGui::TreeNodeEx("Output: logits, softmax, −log p_y, δ = p − y", ImGuiTreeNodeFlags_DefaultOpen)) return;
  matrix("z (logits, one per class)", out.z);
  matrix("p = softmax(z) = exp(z) / Σ exp(z)", out.a);
  ImGui::Text("true class %d (%s): loss = −log p_y = −log %.6f = %.6f", true_class, class_color_name(true_class),
              out.a(true_class, 0), loss);
  if (!is_hidden("grads")) {
    matrix("y (one-hot)", y);
    matrix("δ = ∂L/∂z = p − y", Eigen::MatrixXd(out.a) - y);
    ImGui::TextWrapped("Why p − y: the softmax Jacobian ∂p_y/∂z_k = p_y(1[y=k] − p_k) cancels the 1/p_y of "
                       "∂(−log p_y)/∂p_y, leaving ∂L/∂z_k = p_k − y_k.");
  }
  ImGui::TreePop();
}
}  // namespace

bool step_through(Trainer& trainer, int index, double learning_rate) {
  const auto& points = trainer.train_points();
  if (index < 0 || index >= static_cast<int>(points.size())) return false;
  const nn::Point& p = points[static_cast<std::size_t>(index)];
  nn::Network copy = trainer.network();
  const auto& config = copy.config();
  Eigen::MatrixXd x = trainer.inputs_for(p.x1, p.x2);
  const bool softmax = config.output_activation == nn::Activation::kSoftmax;
  const Eigen::MatrixXd y = nn::label_matrix({p}, config.output_activation, trainer.classes());
  const int true_class = nn::class_of(p.label);

  if (softmax) {
    ImGui::Text("Example #%d: x₁ = %.3f, x₂ = %.3f, class %d (%s)", index, p.x1, p.x2, true_class,
                class_color_name(true_class));
  } else {
    ImGui::Text("Example #%d: x₁ = %.3f, x₂ = %.3f, label y = %g", index, p.x1, p.x2, y(0, 0));
  }
  copy.forward_train(x);  // the pass training makes: with dropout, this step's masks (shown below)
  const double loss_before = copy.loss(y);
  if (ImGui::TreeNodeEx("Forward pass: z = W·a + b, a = act(z)", ImGuiTreeNodeFlags_DefaultOpen)) {
    matrix("a₀ = x (inputs)", x);
    for (std::size_t l = 0; l < copy.layers().size(); ++l) {
      const auto& layer = copy.layers()[l];
      ImGui::Separator();
      ImGui::Text("layer %zu (%s)", l + 1, std::string(nn::activation_name(layer.activation)).c_str());
      if (!is_hidden("weights")) {
        matrix(("W" + std::to_string(l + 1)).c_str(), layer.W);
        matrix(("b" + std::to_string(l + 1)).c_str(), layer.b);
      }
      matrix(("z" + std::to_string(l + 1)).c_str(), layer.z);
      dropout_and_skip(layer, l);
      matrix(("a" + std::to_string(l + 1)).c_str(), layer.a);
    }
    ImGui::TreePop();
  }
  if (softmax) {
    softmax_output(copy, y, true_class, loss_before);
  } else {
    ImGui::Text("ŷ = %.6f, loss (ŷ − y)² = %.6f", copy.layers().back().a(0, 0), loss_before);
  }
  copy.backward(y);
  if (!is_hidden("grads") &&
      ImGui::TreeNodeEx("Backward pass: δ = ∂L/∂z, ∂L/∂W = δ·aᵀ, ∂L/∂b = δ", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (std::size_t l = copy.layers().size(); l-- > 0;) {
      const auto& layer = copy.layers()[l];
      ImGui::Separator();
      ImGui::Text("layer %zu", l + 1);
      matrix(("δ" + std::to_string(l + 1)).c_str(), layer.delta);
      matrix(("∂L/∂W" + std::to_string(l + 1)).c_str(), layer.grad_W);
      matrix(("∂L/∂b" + std::to_string(l + 1)).c_str(), layer.grad_b);
    }
    ImGui::TreePop();
  }
  copy.sgd_step(learning_rate);
  copy.forward_train(x, nn::Masks::kKeep);  // the same masks before and after
  const double loss_after = copy.loss(y);
  ImGui::Text("Update W ← W − η·∂L/∂W with η = %g:", learning_rate);
  ImGui::Text("loss on this example %.6f → %.6f (%+.3g)", loss_before, loss_after, loss_after - loss_before);
  if (ImGui::Button("Apply this update to the network")) {
    for (std::size_t l = 0; l < copy.layers().size(); ++l) {
      trainer.network().layers()[l].W = copy.layers()[l].W;
      trainer.network().layers()[l].b = copy.layers()[l].b;
    }
    return true;
  }
  return false;
}

}  // namespace bp::app
