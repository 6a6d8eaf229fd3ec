// Network mode panel: controls on the left, pictures on the right. Training runs in whole epochs
// within a per-frame budget so the page stays at 60 fps.
#include "network/panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

#include "clock.hpp"
#include "imgui.h"
#include "network/view.hpp"
#include "network/class_palette.hpp"
#include "network/confusion_view.hpp"
#include "network/csv_points.hpp"
#include "network/surface_text.hpp"
#include "widgets/compact_button.hpp"
#include "widgets/export.hpp"
#include "widgets/opaque_fill.hpp"
#include "widgets/panel_layout.hpp"
#include "expr/printer.hpp"
#include "state/description.hpp"
#include "state/choices.hpp"
#include "state/embed_options.hpp"
#include "state/presets.hpp"
#include "network/pytorch_export.hpp"
#include "network/step_through.hpp"
#include "exercise/answer_panel.hpp"
#include "exercise/results.hpp"
#include "exercise/truths.hpp"
#include "widgets/listen.hpp"
#include "widgets/number_text.hpp"
#include "widgets/theme.hpp"
#include "network/trainer.hpp"
#include "platform.hpp"

namespace bp::app {

struct Runtime {
  Trainer trainer;
  std::string problem;     // why the configuration cannot be built
  bool playing = false;
  bool finishing_epoch = false;  // "Epoch" was pressed: train to the epoch's end over the next frames
  int selected = -1;       // training point being stepped through
  bool show_test = false;
  std::string code;        // the last "Show code" script
  int new_class = 1;       // the class a click adds to the learner's own data (0 … 5; 1 is TF Playground's blue +1),
                           // or kRemovePoint
  std::vector<std::string> label_names;  // the last CSV file's own class labels, class by class (csv_points.hpp)
  std::optional<std::array<double, 2>> probe;  // where the probability bars are of: the last hover or tap
  bool confusion_test = false;  // the confusion matrix shows the test points
  int dragging = -1;       // the learner's point being dragged
  bool log_loss = false;   // the loss chart's y axis in decades
  bool surface_in_words = false;  // the surface's text alternative is asked for (network/surface_text.hpp)
  std::string surface_words;      // ... as last written,
  double surface_words_ms = -1e9; // ... at this time (rewritten once a second: it reads every point)
  double trained_at_ms = 0;  // how far into the last frame's build its training ended
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

// "Labels → classes: setosa → orange, …": how the last CSV file's own labels became the page's classes.
void csv_class_mapping(const std::vector<std::string>& label_names) {
  if (label_names.empty()) return;
  std::string text = "Labels → classes:";
  for (std::size_t k = 0; k < label_names.size(); ++k) {
    text += (k ? ", " : " ") + label_names[k] + " → " + class_color_name(static_cast<int>(k));
  }
  ImGui::TextWrapped("%s", text.c_str());
}

// The names the confusion matrix and the words give classes: the CSV file's own names only (else the colours').
std::vector<std::string> class_names_for_table(const NetworkState& s, const Runtime& r) {
  return s.data.set == DataSet::kCustom ? r.label_names : std::vector<std::string>{};
}

// The learner's own points: clicks on the square add or remove them; CSV text loads many.
void custom_data_controls(NetworkState& s, Runtime& r, float width) {
  ImGui::TextWrapped("Click or tap the square to add a point of the class picked under it; right-click a point, or "
                     "pick \"remove a point\" and click it, to remove it. %zu points.", s.points.size());
  if (compact_button("Clear")) s.points.clear(), r.label_names.clear();
  ImGui::SameLine();
  if (compact_button("Start from a generated set")) {
    NetworkState generated = s;
    generated.data.set = DataSet::kCircle;
    Trainer t;
    if (t.configure(generated).empty()) {
      s.points.clear();
      r.label_names.clear();
      for (const auto& p : t.train_points()) s.points.push_back({p.x1, p.x2, p.label});
    }
  }
  ImGui::TextWrapped("Or paste CSV rows: x1, x2, label (-1 and 1, classes 0 to 5, or words: up to 6 classes)");
  ImGui::InputTextMultiline("##csv", r.csv, sizeof r.csv, ImVec2(width, 70));
  if (compact_button("Load CSV")) {
    const CsvPoints parsed = parse_csv_points(r.csv);
    r.csv_error = parsed.error;
    if (!parsed.points.empty()) s.points = parsed.points, r.label_names = parsed.label_names;
  }
  csv_class_mapping(r.label_names);
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
  if (compact_button("+ layer") && hidden.size() < 8) hidden.push_back(4);
  ImGui::SameLine();
  if (compact_button("− layer") && !hidden.empty()) hidden.pop_back();
  for (std::size_t l = 0; l < hidden.size(); ++l) {
    ImGui::PushID(static_cast<int>(l));
    ImGui::SetNextItemWidth(width);
    ImGui::SliderInt("neurons", &hidden[l], 1, 16);
    ImGui::PopID();
  }
  combo("activation", s.model.activation, activation_choices(), width);
  // Softmax and cross-entropy go together (settle_output_for_classes): leaving one leaves the other too.
  if (combo("output", s.model.output, output_activation_choices(), width) &&
      s.model.output != nn::Activation::kSoftmax && s.loss == nn::Loss::kCrossEntropy) {
    s.loss = nn::Loss::kMse;
  }
  if (combo("loss", s.loss, loss_choices(), width) && s.loss != nn::Loss::kCrossEntropy &&
      s.model.output == nn::Activation::kSoftmax) {
    s.model.output = s.loss == nn::Loss::kBce ? nn::Activation::kSigmoid : nn::Activation::kTanh;
  }
  if (class_count_of(s) > 2) ImGui::TextDisabled("more than two classes: softmax with cross-entropy");
  if (s.loss == nn::Loss::kBce && s.model.output != nn::Activation::kSigmoid) {
    ImGui::TextDisabled("bce goes with a sigmoid output; switched to it");
    s.model.output = nn::Activation::kSigmoid;
  }
}

// Issue 17's layer options: a dropout rate per hidden layer (training passes only; a change keeps the
// weights) and skip connections (a change starts fresh weights), saying which layers got a skip.
void dropout_and_skip_controls(NetworkState& s, float width) {
  const std::vector<int>& hidden = s.model.hidden;
  if (hidden.empty()) return;
  std::vector<double> rates = dropout_rates(s);
  bool changed = false;
  for (std::size_t l = 0; l < rates.size(); ++l) {
    char label[32];
    std::snprintf(label, sizeof label, "dropout %zu", l + 1);
    float rate = static_cast<float>(rates[l]);
    ImGui::SetNextItemWidth(width);
    if (ImGui::SliderFloat(label, &rate, 0.0f, 0.9f, "%.2f")) {
      rates[l] = std::round(std::clamp(static_cast<double>(rate), 0.0, 0.9) * 100) / 100;  // 0.25, not 0.2500001
      changed = true;
    }
  }
  if (changed) {
    while (!rates.empty() && rates.back() == 0) rates.pop_back();  // none at the end: the link stays short
    s.dropout = rates;
  }
  ImGui::Checkbox("skip connections", &s.model.skip);
  if (!s.model.skip) return;
  // The engine's rule (nn::Network::has_skip): hidden to hidden, one size.
  std::string where;
  for (std::size_t l = 1; l < hidden.size(); ++l) {
    if (hidden[l] != hidden[l - 1]) continue;
    where += (where.empty() ? "" : ", ") + std::to_string(l) + "→" + std::to_string(l + 1);
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  if (where.empty()) {
    ImGui::TextWrapped("no skip fits: it needs two hidden layers of one size in a row");
  } else {
    ImGui::TextWrapped("h + f(W·h + b): skips around hidden %s", where.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
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

// A number as a learner reads it: "not a number" and "infinity" in words, never C's "-nan" or "inf".
std::string reading(double v, const char* format = "%.4f") {
  if (std::isnan(v)) return "not a number";
  if (std::isinf(v)) return v > 0 ? "infinity" : "−infinity";
  char text[48];
  std::snprintf(text, sizeof text, format, v);
  return text;
}

// Puts the next item on this line when `width` more pixels fit, else on the next: rows of buttons wrap
// on a phone instead of running off its edge.
void same_line_if_fits(float width) {
  const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
  if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

// Train, one step, one epoch, reset, the PyTorch code. A run that diverged has stopped before the
// button is drawn, so it never says "Pause" over a stopped run.
void run_buttons(NetworkState& s, Runtime& r) {
  if (r.trainer.diverged()) r.playing = false;
  if (is_locked("buttons")) r.playing = false;
  ImGui::BeginDisabled(is_locked("buttons"));  // an exercise's network stays as the link made it
  const char* train_label = r.playing ? "Pause###train" : "Train ▶###train";
  if (ImGui::Button(train_label)) r.playing = !r.playing;
  same_line_if_fits(button_width("One step"));
  if (ImGui::Button("One step")) {
    r.playing = false;
    r.trainer.train_batch();
  }
  same_line_if_fits(button_width("Epoch"));
  if (ImGui::Button("Epoch")) r.finishing_epoch = true;
  same_line_if_fits(button_width("Reset"));
  if (ImGui::Button("Reset")) {
    r.trainer.reset();
    r.playing = false;
    r.finishing_epoch = false;
  }
  ImGui::EndDisabled();
  same_line_if_fits(button_width("Show code"));
  ImGui::BeginDisabled(is_hidden("grads") || is_hidden("weights"));  // the script prints them
  const bool show_code = ImGui::Button("Show code");
  ImGui::EndDisabled();
  if (show_code) {
    r.code = pytorch_script(r.trainer, s);
    ImGui::OpenPopup("PyTorch");
  }
  const ImVec2 view = ImGui::GetMainViewport()->Size;
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(view.x - 16, view.y - 16));
  if (ImGui::BeginPopupModal("PyTorch", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    const float width = std::min(760.0f, view.x - 48);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted("This network in PyTorch with its current weights: one training step on the first "
                           "mini-batch, printing what the playground shows (in the comments) so you can check every "
                           "number.");
    ImGui::PopTextWrapPos();
    ImGui::InputTextMultiline("##code", r.code.data(), r.code.size() + 1,
                              ImVec2(width, std::min(420.0f, view.y - 200)), ImGuiInputTextFlags_ReadOnly);
    if (ImGui::Button("Copy")) ImGui::SetClipboardText(r.code.c_str());
    ImGui::SameLine();
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

// " Per-class test accuracy: orange 95 percent (…), …." for a softmax classifier: the surface's colours in words
// (its text alternative), always there for a screen reader.
std::string per_class_description(const NetworkState& s, const Runtime& r) {
  if (!r.trainer.is_softmax() || is_hidden("accuracy")) return "";
  const bool has_test = !r.trainer.test_points().empty() && s.data.set != DataSet::kCustom;
  const std::vector<std::string> names = class_names_for_table(s, r);
  return std::string(" Per-class ") + (has_test ? "test" : "training") + " accuracy: " +
         per_class_accuracy_words(has_test ? r.trainer.test_confusion() : r.trainer.train_confusion(), names) + ".";
}

// Epoch, losses and accuracy, each on its own wrapped line so no number is cut in a narrow panel. The
// accuracy line is always there (a regression says so), so nothing below moves when the data changes.
void readouts(NetworkState& s, Runtime& r) {
  if (r.playing && r.trainer.epochs_per_second() > 0) {
    ImGui::TextWrapped("epoch %ld  ·  %.0f epochs/s", r.trainer.epochs(), r.trainer.epochs_per_second());
  } else {
    ImGui::TextWrapped("epoch %ld", r.trainer.epochs());
  }
  // An exercise's hide=loss or hide=accuracy leaves the number out of the screen and the words.
  const bool show_loss = !is_hidden("loss"), show_accuracy = !is_hidden("accuracy");
  const std::string train_loss = show_loss ? reading(r.trainer.train_loss()) : "hidden";
  const std::string test_loss = show_loss ? reading(r.trainer.test_loss()) : "hidden";
  ImGui::TextWrapped("train loss %s   test loss %s", train_loss.c_str(), test_loss.c_str());
  if (show_loss) show_result("loss", r.trainer.train_loss()), show_result("test_loss", r.trainer.test_loss());
  if (!show_accuracy) {
    ImGui::TextDisabled("accuracy: hidden");
  } else if (r.trainer.is_classification()) {
    show_result("accuracy", r.trainer.train_accuracy());
    show_result("test_accuracy", r.trainer.test_accuracy());
    ImGui::TextWrapped("accuracy: train %.1f%%   test %.1f%%", 100 * r.trainer.train_accuracy(),
                       100 * r.trainer.test_accuracy());
  } else {
    ImGui::TextDisabled("accuracy: none (a regression)");
  }
  {
    char said[256];
    const std::string data_name(name_of(data_set_choices(), s.data.set));
    const std::string accuracy =
        r.trainer.is_classification() && show_accuracy
            ? ", test accuracy " + std::to_string(static_cast<int>(100 * r.trainer.test_accuracy())) + " percent"
            : "";
    std::snprintf(said, sizeof said, "Network mode, %s data. Epoch %ld, train loss %s, test loss %s%s.",
                  data_name.c_str(), r.trainer.epochs(), train_loss.c_str(), test_loss.c_str(), accuracy.c_str());
    const std::string per_class = per_class_description(s, r);
    ImGui::Checkbox("Describe the surface in words", &r.surface_in_words);
    if (r.surface_in_words && r.problem.empty() && !is_hidden("surface")) {
      if (now_ms() - r.surface_words_ms >= 1000) {
        r.surface_words = surface_text(r.trainer);
        r.surface_words_ms = now_ms();
      }
      ImGui::TextWrapped("%s", r.surface_words.c_str());
      describe(said + per_class + (" " + r.surface_words));
    } else {
      r.surface_words_ms = -1e9;  // asked again: written at once
      describe(said + per_class);
    }
  }
  if (r.trainer.diverged()) {
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
}

void preset_buttons(NetworkState& s) {
  ImGui::TextUnformatted("Presets:");
  ImGui::BeginDisabled(is_locked("hyper") || is_locked("data") || is_locked("weights"));  // a preset replaces them
  same_line_if_fits(button_width("NumPy tutorial"));
  if (compact_button("NumPy tutorial")) s = numpy_tutorial_preset();
  same_line_if_fits(button_width("two-layer example"));
  if (compact_button("two-layer example")) s = two_layer_example_preset();
  ImGui::EndDisabled();
}

void save_buttons(Runtime& r) {
  ImGui::TextUnformatted("Save:");
  same_line_if_fits(button_width("loss CSV"));
  if (compact_button("loss CSV")) {
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
  same_line_if_fits(button_width("weights CSV"));
  if (compact_button("weights CSV")) {
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
  same_line_if_fits(button_width("PNG"));
  if (compact_button("PNG")) download_png("network.png");
}

// Data, saving, architecture and training: everything that is not a button row or a picture.
void settings(NetworkState& s, Runtime& r, float width) {
  ImGui::Separator();
  ImGui::BeginDisabled(is_locked("data"));  // an exercise fixes them (lock=data, lock=hyper)
  data_controls(s, r, width);
  ImGui::EndDisabled();
  ImGui::Separator();
  save_buttons(r);
  ImGui::Separator();
  ImGui::BeginDisabled(is_locked("hyper"));
  architecture_controls(s, width);
  dropout_and_skip_controls(s, width);
  ImGui::Separator();
  training_controls(s, width);
  ImGui::EndDisabled();
}

// After the data changed: more than two classes take softmax and cross-entropy; coming back from them to two
// classes goes back to TensorFlow Playground's tanh and mse (softmax stays a choice there).
void output_for_new_data(NetworkState& s, const NetworkData& data_before) {
  if (s.data.set != data_before.set) {
    NetworkState before = s;
    before.data = data_before;
    if (class_count_of(before) > 2 && class_count_of(s) == 2) {
      s.model.output = nn::Activation::kTanh;
      s.loss = nn::Loss::kMse;
    }
  }
  settle_output_for_classes(s);
}

// A changed dataset or architecture starts from fresh weights (a preset brings its own); then the
// trainer takes the state. `*_before` are the settings as they were before this frame's controls.
void configure(NetworkState& s, Runtime& r, const NetworkData& data_before, const NetworkModel& model_before) {
  const bool is_new_network = s.data != data_before || s.model != model_before;
  if (is_new_network && s.epochs == 0 && !s.weights.empty() && s.weights != r.trainer.parameters()) {
    // a preset's weights: keep them
  } else if (is_new_network) {
    s.weights.clear();
    s.epochs = 0;
    r.selected = -1;
  }
  r.problem = r.trainer.configure(s);
}

// The picker's last choice: a click removes the point under it instead of adding one. A right-click does that
// with a mouse; a touch screen has none. (From the keyboard alone, points come as pasted CSV rows.)
constexpr int kRemovePoint = -1;

// Whether a click on the learner's own points removes the one under it.
bool removes(const SurfaceClick& click, const Runtime& r) { return click.right || r.new_class == kRemovePoint; }

// Under the square of the learner's own points: the class a click adds, one radio button per class (up to 6),
// each with a swatch of its colour, named as the CSV file named them, else by colour; then "remove".
void class_picker(Runtime& r) {
  ImGui::TextUnformatted("Add class:");
  const float line = ImGui::GetTextLineHeight();
  for (int k = 0; k < nn::kMaxClasses; ++k) {
    const std::string name = class_name(k, r.label_names);
    same_line_if_fits(line + button_width(name.c_str()) + 24);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + 3), ImVec2(at.x + line - 2, at.y + line + 1),
                                              class_color(k));
    ImGui::Dummy(ImVec2(line, line));
    ImGui::SameLine(0, 2);
    ImGui::PushID(k);
    if (ImGui::RadioButton(name.c_str(), r.new_class == k)) r.new_class = k;
    ImGui::PopID();
  }
  same_line_if_fits(button_width("remove a point") + 24);
  if (ImGui::RadioButton("remove a point", r.new_class == kRemovePoint)) r.new_class = kRemovePoint;
}

// The names of the trainer's classes: the CSV file's own for the learner's points, else the colours.
std::vector<std::string> class_names(const NetworkState& s, const Runtime& r) {
  std::vector<std::string> names;
  for (int k = 0; k < std::max(r.trainer.classes(), 2); ++k) {
    names.push_back(class_name(k, s.data.set == DataSet::kCustom ? r.label_names : std::vector<std::string>{}));
  }
  return names;
}

// A softmax network's class probabilities where the mouse is (a tooltip) and, under the surface, where it or a
// tap last was: a touch screen has no hover, so the bars stay for the spot tapped.
void probability_bars(const NetworkState& s, Runtime& r, const SurfaceClick& click, bool hovering, float width) {
  if (!r.trainer.is_softmax()) return;
  if (click.hovered) r.probe = click.hovered;
  if (!r.probe) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextDisabled("point at the square (or tap it): the class probabilities show here");
    ImGui::PopTextWrapPos();
    return;
  }
  const Eigen::VectorXd p = r.trainer.class_probabilities((*r.probe)[0], (*r.probe)[1]);
  if (click.hovered && hovering) {
    ImGui::BeginTooltip();
    ImGui::Text("at x₁ = %.2f, x₂ = %.2f", (*r.probe)[0], (*r.probe)[1]);
    probability_rows(p, class_names(s, r));
    ImGui::EndTooltip();
  }
  ImGui::Text("Class probabilities at x₁ = %.2f, x₂ = %.2f:", (*r.probe)[0], (*r.probe)[1]);
  draw_probability_strip(p, width);
  report_last_item("probability bars");
}

// Before there is a network (fewer than two points of the learner's own data): the square, where it
// always is, takes the first points.
void points_only(NetworkState& s, Runtime& r, float surface) {
  const SurfaceClick click = draw_points_only(s.points, surface);
  report_last_item("network surface");
  if (click.clicked && !removes(click, r)) {
    s.points.push_back({click.x1, click.x2, nn::label_of_class(r.new_class)});
  } else if (click.clicked && click.point) {
    s.points.erase(s.points.begin() + *click.point);
  }
  class_picker(r);
}

// The surface (or the fit) with its clicks: a click picks a point to step through, or edits the learner's
// own points.
void surface_with_clicks(NetworkState& s, Runtime& r, float surface) {
  SurfaceClick click;
  if (is_hidden("surface")) {  // an exercise hides the network's answer: the training points alone
    std::vector<std::array<double, 3>> points;
    for (const nn::Point& p : r.trainer.train_points()) points.push_back({p.x1, p.x2, p.label});
    click = draw_points_only(points, surface);
  } else if (r.trainer.is_function_fit()) {
    draw_fit(r.trainer, surface);
  } else {
    click = draw_surface(r.trainer, surface, r.show_test, r.playing);
  }
  report_last_item("network surface");
  const bool surface_hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_NoNavOverride);  // the mouse, not Tab's focus
  ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight() - ImGui::GetStyle().ItemSpacing.y));  // the tick labels
  if (!is_hidden("surface")) {
    probability_bars(s, r, click, surface_hovered, surface);
  }
  if (s.data.set == DataSet::kCustom) class_picker(r);
  if (click.clicked && s.data.set == DataSet::kCustom) {
    if (removes(click, r)) {
      const bool on_point = click.point && *click.point < static_cast<int>(s.points.size());
      if (on_point) s.points.erase(s.points.begin() + *click.point);
    } else if (click.point) {
      r.dragging = *click.point;  // pressing on a point picks it up
    } else if (s.points.size() < 500) {
      s.points.push_back({click.x1, click.x2, nn::label_of_class(r.new_class)});
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
  same_line_if_fits(ImGui::CalcTextSize("click a point to step it through").x);
  ImGui::TextDisabled("click a point to step it through");
}

// The pictures in `room`: the diagram beside the surface when there is width for both (a desktop), else
// the surface at the room's full width with a compact diagram under it (a tablet, a course column, a
// phone); then the loss chart and the step-through. Returns true when a weight was edited.
bool pictures(NetworkState& s, Runtime& r, ImVec2 room, float view_height) {
  const bool is_side_by_side = room.x >= 600;
  const float surface = is_side_by_side ? std::min(room.y * 0.62f, room.x * 0.45f)
                                        : std::min(room.x - 2, std::max(view_height * 0.62f, 200.0f));
  bool edited = false;
  if (!r.problem.empty()) {
    if (s.data.set == DataSet::kCustom) {
      if (is_side_by_side) {
        ImGui::Dummy(ImVec2(room.x - surface - 20, surface));
        ImGui::SameLine();
      }
      points_only(s, r, surface);
    }
    return false;
  }
  if (is_side_by_side) {
    ImGui::BeginGroup();
    edited = draw_network(r.trainer, ImVec2(room.x - surface - 20, surface), r.playing);
    report_last_item("network diagram");
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    surface_with_clicks(s, r, surface);
    ImGui::EndGroup();
  } else {
    surface_with_clicks(s, r, surface);  // hide=surface: the points alone (surface_with_clicks)
    edited = draw_network(r.trainer, ImVec2(room.x - 2, std::clamp(room.x * 0.42f, 120.0f, 200.0f)), r.playing);
    report_last_item("network diagram");
  }
  // A softmax classifier's confusion matrix stands beside the loss curve where both fit, else under it.
  const bool shows_confusion = r.trainer.is_softmax() && !is_hidden("accuracy");
  const float matrix_width = shows_confusion ? confusion_matrix_width(r.trainer.classes()) : 0;
  const bool is_matrix_beside = shows_confusion && room.x - matrix_width >= 320;
  const float curve_width = room.x - 2 - (is_matrix_beside ? matrix_width + ImGui::GetStyle().ItemSpacing.x : 0);
  if (is_matrix_beside) ImGui::BeginGroup();
  ImGui::Checkbox("log scale", &r.log_loss);
  ImGui::SameLine();
  ImGui::TextDisabled("loss: train (grey), test (black)");
  if (!is_hidden("loss")) {  // the curve would tell the hidden loss
    draw_loss_curve(r.trainer, ImVec2(curve_width, std::clamp(room.y * 0.22f, 110.0f, 170.0f)), r.log_loss);
  }
  report_last_item("network loss chart");
  if (is_matrix_beside) {
    ImGui::EndGroup();
    ImGui::SameLine();
  }
  if (shows_confusion) {
    ImGui::BeginGroup();
    draw_confusion_matrix(r.trainer, r.confusion_test, class_names_for_table(s, r));
    ImGui::EndGroup();
    report_last_item("confusion matrix");
  }
  if (listen_requested("the loss curve")) {  // its audio trace (widgets/listen.hpp)
    const auto epochs_per_entry = static_cast<double>(r.trainer.history_stride());
    play_trace("the training loss", series_for_trace(r.trainer.train_history(), epochs_per_entry), "epoch");
  }
  if (r.selected >= 0 && !is_hidden("steps")) {
    ImGui::Separator();
    if (compact_button("Close step-through")) r.selected = -1;
    if (r.selected >= 0) edited |= step_through(r.trainer, r.selected, s.learning_rate);
  }
  return edited;
}

// An exercise's true values (ask=dW1:0,0 …): the step-through's example, else the first, stepped on a copy.
void exercise_truths(const NetworkState& s, Runtime& r) {
  if ((asks_in(Mode::kNetwork) || is_authoring()) && r.problem.empty()) {
    set_truths(network_truths(r.trainer, std::max(r.selected, 0), s.learning_rate));
  }
}

// The example the answers are of, with its numbers: with hide=steps they are shown nowhere else.
std::string example_context(const Runtime& r) {
  const int index = std::max(r.selected, 0);
  const auto& points = r.trainer.train_points();
  if (index >= static_cast<int>(points.size())) return "";
  const nn::Point& p = points[static_cast<std::size_t>(index)];
  char text[160];
  std::snprintf(text, sizeof text, "for training example #%d: x₁ = %s, x₂ = %s, label %s (click a point for another)",
                index, number_text(p.x1).c_str(), number_text(p.x2).c_str(), number_text(p.label).c_str());
  return text;
}

// Trains within what is left of this frame's budget; a run that diverged now stops and asks for one more
// frame, so the button is redrawn as "Train ▶".
// Called last in the panel, after the pictures and settings are drawn (they show the network as the last frame
// left it): training then takes what this frame's own work so far, and the work that followed training in the
// last frame (ImGui's render, the tab order), left of a 7 ms target, at least 1 ms so a slow device still
// trains, at most 6 ms. A frame that redraws the surface or the thumbnails trains less instead of going over;
// trained first, on the last frame's timing, such frames took training's 6 ms on top (the 95th percentile of
// bench/frame_budget.mjs's throttled training row: 20 ms, against a 16 ms target).
bool train(Runtime& r) {
  if (!r.problem.empty()) return false;
  if (r.playing) {
    constexpr double kFrameWorkMs = 7, kMostTrainingMs = 6;
    const double after_training_ms = std::max(platform::last_frame_build_ms() - r.trained_at_ms, 0.0);
    const double left_ms = kFrameWorkMs - platform::frame_elapsed_ms() - after_training_ms;
    r.trainer.train_for(std::clamp(left_ms, 1.0, kMostTrainingMs));
    r.trained_at_ms = platform::frame_elapsed_ms();
  }
  if (r.finishing_epoch && (r.playing || r.trainer.finish_epoch(8.0))) r.finishing_epoch = false;
  const bool stopped = r.playing && r.trainer.diverged();
  if (stopped) r.playing = false;
  return stopped;
}

}  // namespace

bool network_panel(NetworkState& s, const std::string& function_text) {
  if (s.data.set == DataSet::kFunction) s.function_text = function_text;
  Runtime& r = runtime();
  if (!r.playing) r.trainer.settle();  // a stopped network's read-outs show its last epoch whole
  settle_output_for_classes(s);  // a link's 3-class set with its default tanh output: softmax, before anything
  // The settings that decide data and architecture: a change to either starts a fresh network.
  const NetworkData data_before = s.data;
  const NetworkModel model_before = s.model;
  bool edited = false, redraw = false;

  if (is_one_column()) {
    // A phone: one scrolling column (main.cpp's mode column). The buttons and read-outs, the pictures at
    // full width, then the settings.
    const float width = ImGui::GetContentRegionAvail().x;
    exercise_truths(s, r);
    answer_panel(Mode::kNetwork, width, [&r] { return example_context(r); });
    run_buttons(s, r);
    readouts(s, r);
    configure(s, r, s.data, s.model);
    ImGui::BeginGroup();
    edited = pictures(s, r, ImVec2(width, 0), one_column_view_height());
    ImGui::EndGroup();
    report_last_item("network pictures");
    ImGui::Separator();
    preset_buttons(s);
    settings(s, r, std::max(width - 130, 120.0f));
    output_for_new_data(s, data_before);
    if (s.data != data_before || s.model != model_before) {
      configure(s, r, data_before, model_before);
      redraw = true;
    }
  } else {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // Side by side: the controls take at most 36% of the width, the pictures the rest.
    const float controls_width = std::clamp(avail.x * 0.36f, 220.0f, 300.0f);
    begin_opaque_child("network_controls", ImVec2(controls_width + 120, avail.y));
    exercise_truths(s, r);
    answer_panel(Mode::kNetwork, controls_width, [&r] { return example_context(r); });
    run_buttons(s, r);
    preset_buttons(s);
    readouts(s, r);
    settings(s, r, controls_width);
    ImGui::EndChild();
    output_for_new_data(s, data_before);
    configure(s, r, data_before, model_before);
    ImGui::SameLine();
    begin_opaque_child("network_pictures", ImVec2(0, avail.y));
    const ImVec2 room = ImGui::GetContentRegionAvail();
    ImGui::BeginGroup();
    edited = pictures(s, r, room, room.y);
    ImGui::EndGroup();
    report_last_item("network pictures");
    ImGui::EndChild();
  }
  if (!r.problem.empty()) return redraw;
  if (edited) r.trainer.set_parameters(r.trainer.parameters());  // re-evaluate losses after an edit
  redraw = train(r) || redraw;
  r.trainer.parameters_into(s.weights);
  s.epochs = r.trainer.epochs();
  return r.playing || r.finishing_epoch || redraw;
}

double network_output(double x1, double x2, int k) {
  Trainer& trainer = runtime().trainer;
  const Eigen::VectorXd x = trainer.inputs_for(x1, x2);
  const Eigen::MatrixXd out = trainer.network().forward(x);
  return k >= 0 && k < out.rows() ? out(k, 0) : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace bp::app
