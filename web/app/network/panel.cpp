// Network mode panel: controls on the left, pictures on the right. Training runs in whole epochs
// within a per-frame budget so the page stays at 60 fps.
#include "network/panel.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "clock.hpp"
#include "imgui.h"
#include "network/view.hpp"
#include "network/csv_points.hpp"
#include "widgets/export.hpp"
#include "expr/printer.hpp"
#include "state/description.hpp"
#include "state/choices.hpp"
#include "state/presets.hpp"
#include "network/pytorch_export.hpp"
#include "network/step_through.hpp"
#include "widgets/listen.hpp"
#include "widgets/theme.hpp"
#include "network/trainer.hpp"

namespace bp::app {

struct Runtime {
  Trainer trainer;
  std::string problem;     // why the configuration cannot be built
  bool playing = false;
  bool finishing_epoch = false;  // "Epoch" was pressed: train to the epoch's end over the next frames
  int selected = -1;       // training point being stepped through
  bool show_test = false;
  std::string code;        // the last "Show code" script
  int new_label = 1;       // the class a click adds to the learner's own data
  int dragging = -1;       // the learner's point being dragged
  double drawing_ms = 0;   // this panel's last frame less its training: what training leaves room for
  char csv[8192] = "";
  std::string csv_error;
};


Runtime& runtime() {
  static Runtime r;
  return r;
}

namespace {

// A combo over one of the state's lists of choices (state/choices.hpp).
template <class E>
bool combo(const char* label, E& value, const Choices<E>& choices, float width) {
  bool changed = false;
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo(label, std::string(name_of(choices, value)).c_str())) {
    for (const auto& choice : choices) {
      if (ImGui::Selectable(std::string(choice.name).c_str(), value == choice.value)) {
        value = choice.value;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// The learner's own points: clicks on the square add or remove them; CSV text loads many.
void custom_data_controls(NetworkState& s, Runtime& r, float width) {
  ImGui::TextWrapped("Click the square to add a point; right-click removes the nearest one. %zu points.",
                     s.points.size());
  ImGui::RadioButton("blue (+1)", &r.new_label, 1);
  ImGui::SameLine();
  ImGui::RadioButton("orange (−1)", &r.new_label, -1);
  if (ImGui::SmallButton("Clear")) s.points.clear();
  ImGui::SameLine();
  if (ImGui::SmallButton("Start from a generated set")) {
    NetworkState generated = s;
    generated.data.set = DataSet::kCircle;
    Trainer t;
    if (t.configure(generated).empty()) {
      s.points.clear();
      for (const auto& p : t.train_points()) s.points.push_back({p.x1, p.x2, p.label});
    }
  }
  ImGui::TextUnformatted("Or paste CSV rows: x1, x2, label");
  ImGui::InputTextMultiline("##csv", r.csv, sizeof r.csv, ImVec2(width, 70));
  if (ImGui::SmallButton("Load CSV")) {
    const CsvPoints parsed = parse_csv_points(r.csv);
    r.csv_error = parsed.error;
    if (!parsed.points.empty()) s.points = parsed.points;
  }
  if (!r.csv_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::TextWrapped("%s", r.csv_error.c_str());
    ImGui::PopStyleColor();
  }
}

void data_controls(NetworkState& s, Runtime& r, float width) {
  combo("data", s.data.set, data_set_choices(), width);
  if (s.data.set == DataSet::kFunction) {
    ImGui::TextWrapped("Samples of %s from function mode, x in -6 … 6. Try the x1 feature alone and a linear output.",
                       s.function_text.c_str());
  }
  if (s.data.set == DataSet::kCustom) {
    custom_data_controls(s, r, width);
    return;
  }
  NetworkData& d = s.data;
  float noise = static_cast<float>(d.noise * 100);
  ImGui::SetNextItemWidth(width);
  if (ImGui::SliderFloat("noise %", &noise, 0, 50, "%.0f")) d.noise = std::round(noise) / 100;
  ImGui::SetNextItemWidth(width);
  ImGui::SliderInt("train %", &d.train_percent, 10, 90);
  if (ImGui::Button("New data")) ++d.seed;
  ImGui::TextUnformatted("Features");
  const Choices<nn::Feature>& features = feature_choices();
  for (std::size_t i = 0; i < features.size(); ++i) {
    const nn::Feature f = features[i].value;
    const bool on = std::find(d.features.begin(), d.features.end(), f) != d.features.end();
    bool checked = on;
    if (i % 4 != 0) ImGui::SameLine();
    if (ImGui::Checkbox(std::string(features[i].name).c_str(), &checked) && checked != on) {
      if (checked) {
        d.features.push_back(f);
      } else if (d.features.size() > 1) {
        d.features.erase(std::find(d.features.begin(), d.features.end(), f));
      }
    }
  }
}

void architecture_controls(NetworkState& s, float width) {
  std::vector<int>& hidden = s.model.hidden;
  ImGui::Text("Hidden layers: %zu", hidden.size());
  ImGui::SameLine();
  if (ImGui::SmallButton("+ layer") && hidden.size() < 8) hidden.push_back(4);
  ImGui::SameLine();
  if (ImGui::SmallButton("− layer") && !hidden.empty()) hidden.pop_back();
  for (std::size_t l = 0; l < hidden.size(); ++l) {
    ImGui::PushID(static_cast<int>(l));
    ImGui::SetNextItemWidth(width);
    ImGui::SliderInt("neurons", &hidden[l], 1, 16);
    ImGui::PopID();
  }
  combo("activation", s.model.activation, activation_choices(), width);
  combo("output", s.model.output, output_activation_choices(), width);
  combo("loss", s.loss, loss_choices(), width);
  if (s.loss == nn::Loss::kBce && s.model.output != nn::Activation::kSigmoid) {
    ImGui::TextDisabled("bce goes with a sigmoid output; switched to it");
    s.model.output = nn::Activation::kSigmoid;
  }
}

void training_controls(NetworkState& s, float width) {
  static const double kRates[] = {0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};  // TF Playground's
  char label[32];
  std::snprintf(label, sizeof label, "%g", s.learning_rate);
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo("learning rate", label)) {
    for (double r : kRates) {
      std::snprintf(label, sizeof label, "%g", r);
      if (ImGui::Selectable(label, r == s.learning_rate)) s.learning_rate = r;
    }
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(width);
  ImGui::SliderInt("batch size", &s.batch_size, 1, 30);
  combo("optimizer", s.model.optimizer, optimizer_choices(), width);
  combo("regularization", s.model.regularization, regularization_choices(), width);
  if (s.model.regularization != nn::Regularization::kNone) {
    float rate = static_cast<float>(s.model.regularization_rate);
    ImGui::SetNextItemWidth(width);
    if (ImGui::SliderFloat("reg. rate", &rate, 0.0f, 0.3f, "%.3f")) s.model.regularization_rate = rate;
  }
}

}  // namespace

bool network_panel(NetworkState& s, const std::string& function_text) {
  const double started = now_ms();
  if (s.data.set == DataSet::kFunction) s.function_text = function_text;
  Runtime& r = runtime();
  // The settings that decide data and architecture: a change to either starts a fresh network.
  const NetworkData data_before = s.data;
  const NetworkModel model_before = s.model;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // Narrow embeds give the pictures the room: the controls take at most 36% of the width.
  const float controls_width = std::clamp(ImGui::GetContentRegionAvail().x * 0.36f, 220.0f, 300.0f);

  ImGui::BeginChild("network_controls", ImVec2(controls_width + 120, avail.y));
  if (ImGui::Button(r.playing ? "Pause" : "Train ▶")) r.playing = !r.playing;
  ImGui::SameLine();
  if (ImGui::Button("One step")) {
    r.playing = false;
    r.trainer.train_batch();
  }
  ImGui::SameLine();
  if (ImGui::Button("Epoch")) r.finishing_epoch = true;
  ImGui::SameLine();
  if (ImGui::Button("Reset")) {
    r.trainer.reset();
    r.playing = false;
    r.finishing_epoch = false;
  }
  ImGui::SameLine();
  if (ImGui::Button("Show code")) {
    r.code = pytorch_script(r.trainer, s);
    ImGui::OpenPopup("PyTorch");
  }
  if (ImGui::BeginPopupModal("PyTorch", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextWrapped("This network in PyTorch with its current weights: one training step on the first mini-batch, "
                       "printing what the playground shows (in the comments) so you can check every number.");
    ImGui::InputTextMultiline("##code", r.code.data(), r.code.size() + 1, ImVec2(760, 420),
                              ImGuiInputTextFlags_ReadOnly);
    if (ImGui::Button("Copy")) ImGui::SetClipboardText(r.code.c_str());
    ImGui::SameLine();
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (r.playing && r.trainer.epochs_per_second() > 0) {
    ImGui::Text("epoch %ld  ·  %.0f epochs/s", r.trainer.epochs(), r.trainer.epochs_per_second());
  } else {
    ImGui::Text("epoch %ld", r.trainer.epochs());
  }
  {
    char said[256];
    const std::string data_name(name_of(data_set_choices(), s.data.set));
    const std::string accuracy =
        r.trainer.is_classification()
            ? ", test accuracy " + std::to_string(static_cast<int>(100 * r.trainer.test_accuracy())) + " percent"
            : "";
    std::snprintf(said, sizeof said, "Network mode, %s data. Epoch %ld, train loss %.4f, test loss %.4f%s.",
                  data_name.c_str(), r.trainer.epochs(), r.trainer.train_loss(), r.trainer.test_loss(),
                  accuracy.c_str());
    describe(said);
  }
  ImGui::Text("train loss %.4f   test loss %.4f", r.trainer.train_loss(), r.trainer.test_loss());
  if (r.trainer.is_classification()) {
    ImGui::Text("accuracy: train %.1f%%   test %.1f%%", 100 * r.trainer.train_accuracy(),
                100 * r.trainer.test_accuracy());
  }
  if (r.trainer.diverged()) {
    r.playing = false;
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::TextWrapped("Training stopped at epoch %ld: the loss or a weight is no longer a finite number "
                       "(the learning rate is too large?).", r.trainer.epochs());
    ImGui::PopStyleColor();
    char label[64];
    std::snprintf(label, sizeof label, "Go back to epoch %ld (last finite)", r.trainer.last_finite_epoch());
    if (ImGui::Button(label)) r.trainer.restore_last_finite();
  }
  if (!r.problem.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().error);
    ImGui::TextWrapped("%s", r.problem.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::TextUnformatted("Presets:");
  ImGui::SameLine();
  if (ImGui::SmallButton("NumPy tutorial")) s = numpy_tutorial_preset();
  ImGui::SameLine();
  if (ImGui::SmallButton("two-layer example")) s = two_layer_example_preset();
  ImGui::Separator();
  data_controls(s, r, controls_width);
  ImGui::Separator();
  ImGui::TextUnformatted("Save:");
  ImGui::SameLine();
  if (ImGui::SmallButton("loss CSV")) {
    std::string csv = "epoch,train loss,test loss\n";
    const auto& train = r.trainer.train_history();
    const auto& test = r.trainer.test_history();
    for (std::size_t i = 0; i < train.size(); ++i) {
      csv += std::to_string(static_cast<long>(i) * r.trainer.history_stride()) + "," +
             expr::format_number(train[i]) + "," +
             expr::format_number(test[i]) + "\n";
    }
    download_text("loss-history.csv", csv);
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("weights CSV")) {
    std::string csv = "layer,kind,row,column,value\n";
    const auto& layers = r.trainer.network().layers();
    for (std::size_t l = 0; l < layers.size(); ++l) {
      for (Eigen::Index i = 0; i < layers[l].W.rows(); ++i) {
        for (Eigen::Index j = 0; j < layers[l].W.cols(); ++j) {
          csv += std::to_string(l + 1) + ",W," + std::to_string(i) + "," + std::to_string(j) + "," +
                 expr::format_number(layers[l].W(i, j)) + "\n";
        }
        csv += std::to_string(l + 1) + ",b," + std::to_string(i) + ",," + expr::format_number(layers[l].b(i)) + "\n";
      }
    }
    download_text("weights.csv", csv);
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("PNG")) download_png("network.png");
  ImGui::Separator();
  architecture_controls(s, controls_width);
  ImGui::Separator();
  training_controls(s, controls_width);
  ImGui::EndChild();

  // A changed dataset or architecture starts from fresh weights (a preset brings its own).
  const bool is_new_network = s.data != data_before || s.model != model_before;
  if (is_new_network && s.epochs == 0 && !s.weights.empty() && s.weights != r.trainer.parameters()) {
    // a preset's weights: keep them
  } else if (is_new_network) {
    s.weights.clear();
    s.epochs = 0;
    r.selected = -1;
  }
  r.problem = r.trainer.configure(s);
  if (!r.problem.empty()) {
    if (s.data.set == DataSet::kCustom) {  // no network yet: the square, where it always is, takes the first points
      ImGui::SameLine();
      ImGui::BeginChild("network_pictures", ImVec2(0, avail.y));
      const ImVec2 right = ImGui::GetContentRegionAvail();
      const float surface = std::min(right.y * 0.62f, right.x * 0.45f);
      ImGui::Dummy(ImVec2(right.x - surface - 20, surface));
      ImGui::SameLine();
      const SurfaceClick click = draw_points_only(s.points, surface);
      if (click.clicked && !click.right) s.points.push_back({click.x1, click.x2, static_cast<double>(r.new_label)});
      if (click.right && click.point) s.points.erase(s.points.begin() + *click.point);
      ImGui::EndChild();
    }
    return false;
  }
  // Training takes what a frame's work budget leaves after drawing (as long as the last frame's): the
  // app's frame stays near 8 ms on a phone-class CPU too (bench/frame_budget.mjs, 4× CPU throttling).
  double training_ms = 0;
  if (r.playing) {
    constexpr double kFrameWorkMs = 6;
    const double before = now_ms();
    r.trainer.train_for(std::clamp(kFrameWorkMs - r.drawing_ms, 1.0, kFrameWorkMs));
    training_ms = now_ms() - before;
  }
  if (r.finishing_epoch && (r.playing || r.trainer.finish_epoch(8.0))) r.finishing_epoch = false;

  ImGui::SameLine();
  ImGui::BeginChild("network_pictures", ImVec2(0, avail.y));
  const ImVec2 right = ImGui::GetContentRegionAvail();
  const float surface = std::min(right.y * 0.62f, right.x * 0.45f);
  ImGui::BeginGroup();
  bool edited = draw_network(r.trainer, ImVec2(right.x - surface - 20, surface));
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  SurfaceClick click;
  if (r.trainer.is_function_fit()) {
    draw_fit(r.trainer, surface);
  } else {
    click = draw_surface(r.trainer, surface, r.show_test);
  }
  if (click.clicked && s.data.set == DataSet::kCustom) {
    if (click.right && click.point && *click.point < static_cast<int>(s.points.size())) {
      s.points.erase(s.points.begin() + *click.point);
    } else if (!click.right && click.point) {
      r.dragging = *click.point;  // pressing on a point picks it up
    } else if (!click.right && s.points.size() < 500) {
      s.points.push_back({click.x1, click.x2, static_cast<double>(r.new_label)});
    }
  } else if (click.clicked && click.point) {
    r.selected = *click.point;
  }
  if (r.dragging >= 0 && r.dragging < static_cast<int>(s.points.size()) && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    const ImVec2 d = ImGui::GetIO().MouseDelta;
    auto& p = s.points[static_cast<std::size_t>(r.dragging)];
    p[0] = std::clamp(p[0] + 12.0 * d.x / surface, -6.0, 6.0);
    p[1] = std::clamp(p[1] - 12.0 * d.y / surface, -6.0, 6.0);
  } else {
    r.dragging = -1;
  }
  ImGui::Checkbox("show test data", &r.show_test);
  ImGui::SameLine();
  ImGui::TextDisabled("click a point to step it through");
  ImGui::EndGroup();
  draw_loss_curve(r.trainer, ImVec2(right.x, 60));
  if (listen_requested("the loss curve")) {  // its audio trace (widgets/listen.hpp)
    const auto epochs_per_entry = static_cast<double>(r.trainer.history_stride());
    play_trace("the training loss", series_for_trace(r.trainer.train_history(), epochs_per_entry), "epoch");
  }
  if (r.selected >= 0) {
    ImGui::Separator();
    if (ImGui::SmallButton("Close step-through")) r.selected = -1;
    if (r.selected >= 0) edited |= step_through(r.trainer, r.selected, s.learning_rate);
  }
  ImGui::EndChild();

  if (edited) r.trainer.set_parameters(r.trainer.parameters());  // re-evaluate losses after an edit
  s.weights = r.trainer.parameters();
  s.epochs = r.trainer.epochs();
  r.drawing_ms = now_ms() - started - training_ms;
  return r.playing || r.finishing_epoch;
}

double network_output(double x1, double x2) {
  Trainer& trainer = runtime().trainer;
  const Eigen::VectorXd x = trainer.inputs_for(x1, x2);
  return trainer.network().forward(x)(0, 0);
}

}  // namespace bp::app
