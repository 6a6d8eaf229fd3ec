// Everything the learner set up, in one struct: what a shared link carries (state/link_codec.hpp; the
// few things it deliberately leaves out are listed in docs/links.md). The settings hold the engine's
// own types; their names are written once, in the engine and state/choices.hpp. No ImGui here.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "expr/engine.hpp"
#include "nn/activation.hpp"
#include "nn/dataset.hpp"
#include "nn/loss.hpp"
#include "nn/network.hpp"
#include "nn/optimizer.hpp"
#include "optim/update_rules.hpp"

namespace bp::app {

enum class Mode { kFunction, kGraph, kNetwork };

using Scheme = expr::Scheme;  // the finite-difference scheme function mode shows

// Function mode's two-variable view (web/app/plane/): a heat map with contours, or the surface in 3-D.
enum class PlaneView { kMap, kSurface };

// What the two-variable view adds to function mode; the horizontal variable uses FunctionState's x0 and
// view_x_min/max, the vertical one these.
struct PlaneState {
  double y0 = 1;                          // the point's vertical coordinate (x₀ is FunctionState::x0)
  double view_y_min = -3, view_y_max = 3;  // the vertical variable's range
  PlaneView view = PlaneView::kMap;
  double yaw = 35, pitch = 30, zoom = 1;  // the 3-D camera: degrees about the vertical, above the plane; scale
  double direction = 45;                  // degrees from the horizontal axis: the directional derivative's u
  bool show_field = false;                // arrows of ∇f on a grid
  bool show_level = true;                 // the level curve through the point
};

// One racer of function mode's optimizer race: an update rule of engine/optim (torch.optim's) with its
// own settings, or Newton's method x ← x − γ·f′(x)/f″(x) (f of one variable; γ is hyper.learning_rate).
enum class RaceRule { kSgd, kMomentum, kNesterov, kAdagrad, kRmsprop, kAdam, kAdamW, kNewton };
struct RacerSettings {
  RaceRule rule = RaceRule::kSgd;
  optim::Hyperparameters hyper;  // torch.optim's defaults for the rule (race/race_model.hpp racer_defaults)
};

// The race: racers stepping together from function mode's point; a link replays `steps` steps.
struct RaceState {
  std::vector<RacerSettings> racers;  // empty: no race
  double noise = 0;                   // σ of the Gaussian noise added to each gradient component
  std::uint64_t seed = 1;             // the noise's seed: the same seed, the same trails
  long steps = 0;                     // steps taken (every racer still running took them)
  bool is_playing = false;
  double steps_per_second = 10;
  bool log_scale = false;             // the f-against-step plot's y axis
};

struct FunctionState {
  std::string text = "f(x) = 2x²−3x+4";            // the seed's function, typed as the learner would
  double x0 = 2;                                   // the draggable point
  double h = 0.31622776601683794;                  // the finite difference's step, 10^-0.5: large, so the secant shows
  Scheme scheme = Scheme::kForward;
  bool show_derivative = false;                    // f′ curve and its symbolic text
  bool show_reading = false;                       // the parser's fully parenthesised reading
  std::vector<double> table_points{2, 6, -2};      // the seed's table: 1 to 12 values of x
  double learning_rate = 0.1;                      // gradient descent x ← x − η·f′(x)
  double view_x_min = -3, view_x_max = 4;          // the seed's plot range, np.arange(-3, 4)
  double view_y_min = -2, view_y_max = 40;
  PlaneState plane;                                // f of two variables (web/app/plane/)
  bool show_taylor = false;                        // the Taylor parabola at x₀ and Newton's trail
  RaceState race;
};

struct GraphState {
  std::string program = "a = 3\nb = -2\nc = 8\nf = -2\nd = a*b\ne = d + c\nL = e*f";  // the seed's program
  std::vector<std::pair<std::string, double>> values;  // slider values that override the program's numbers
  int backward_step = -1;  // nodes whose gradient is shown, in backward order; -1: all of them
  // "Check gradients": open or not, and its finite difference (the seed's -2.0000000000042206 is forward, 1e-6).
  bool show_check = false;
  Scheme check_scheme = Scheme::kCentral;
  double check_h = 1e-5;
};

// The network mode's data sets: the engine's generated ones, the learner's own points, and samples of
// function mode's f; the sets of 3 to 5 classes come after TensorFlow Playground's six.
enum class DataSet {
  kCircle, kXor, kGauss, kSpiral, kPlane, kMultiGauss, kCustom, kFunction,
  kBlobs3, kBlobs4, kBlobs5, kSpiral3, kRings3, kPinwheel
};

// Network mode: TensorFlow Playground's controls. Defaults mirror its start page (state.ts): circle,
// noise 0, half the points for training, x₁ and x₂, hidden [4, 2] tanh, learning rate 0.03, batch 10.
// The settings come in groups so that what each change restarts is `==` on a group:
// a new `data` or `model` starts fresh weights; those, the loss or the data's sources rebuild the trainer;
// the learning rate and batch size only change the next step.
struct NetworkData {
  DataSet set = DataSet::kCircle;
  double noise = 0;                                // 0 … 0.5
  int train_percent = 50;                          // 10 … 90
  std::uint64_t seed = 1;
  std::vector<nn::Feature> features;               // in the network's input order: x₁, x₂ at first
  // A constructor, not a braced default: GCC 12 falsely warns (-Wmaybe-uninitialized) when a temporary
  // holding a braced vector of enums is destroyed, which every AppState{} in a test would do.
  NetworkData();
};

struct NetworkModel {
  std::vector<int> hidden{4, 2};                   // neurons per hidden layer (at most 8 layers × 16)
  nn::Activation activation = nn::Activation::kTanh;  // hidden layers: tanh relu sigmoid linear
  nn::Activation output = nn::Activation::kTanh;      // output layer: tanh linear sigmoid softmax
  std::uint64_t seed = 1;                          // weight initialisation
  nn::OptimizerKind optimizer = nn::OptimizerKind::kSgd;
  nn::Regularization regularization = nn::Regularization::kNone;
  double regularization_rate = 0;
  bool skip = false;                               // skip connections where a hidden layer's sizes match
};

struct NetworkState {
  NetworkData data;
  // The learner's own data (DataSet::kCustom): x1, x2, label (nn::label_of_class: -1, +1, then 2 … 5 for more classes).
  std::vector<std::array<double, 3>> points;
  std::string function_text;                       // DataSet::kFunction: samples of function mode's f
  NetworkModel model;
  // mse, bce with a sigmoid output, crossentropy with a softmax output (chosen for > 2 classes); a change keeps
  // the weights.
  nn::Loss loss = nn::Loss::kMse;
  // Dropout rate of each hidden layer, 0 … 0.9, in training only; layers past the list's end have none,
  // so the default (empty) is none. A change keeps the weights (dropout_rates() lines it up with hidden).
  std::vector<double> dropout;
  double learning_rate = 0.03;
  int batch_size = 10;
  std::vector<double> weights;     // trained parameters (layer by layer: W row-major, b); empty: fresh
  long epochs = 0;                 // epochs trained into `weights`
};

// An exercise ("predict, then check"; docs/links.md): results the learner does not see, inputs the
// learner cannot change, and quantities the learner must enter. The names are state/exercise_names.hpp's.
struct ExerciseState {
  std::vector<std::string> hide;     // results and controls left out: fx slope grads grad:a loss …
  std::vector<std::string> lock;     // inputs the learner cannot change: x0 h prog weights buttons …
  std::vector<std::string> ask;      // what the learner enters: fx slope fd step grad:a grads dW1:0,0 …
  double tolerance = 0.005;          // an answer is right within this share of the true value …
  double absolute_tolerance = 1e-6;  // … or within this distance of it
  int reveal_after = 0;              // "Show answer": 0 at once, n after n wrong tries, -1 never
  bool is_authoring = false;         // the author panel is open (author=1): ticks build the exercise
};

struct AppState {
  Mode mode = Mode::kFunction;
  FunctionState function;
  GraphState graph;
  NetworkState network;
  ExerciseState exercise;
};

double step_size(const FunctionState& state);  // h
// The rule's torch.optim defaults (optim::defaults_for); Newton's step γ = 1, the plain method.
RacerSettings racer_defaults(RaceRule rule);
// RaceRule's optimizer (its values are optim::Rule's, in order); Newton has none: only for other rules.
inline optim::Rule optim_rule(RaceRule rule) { return static_cast<optim::Rule>(rule); }
static_assert(static_cast<int>(RaceRule::kAdamW) == static_cast<int>(optim::Rule::kAdamW),
              "RaceRule follows optim::Rule");
// One dropout rate per hidden layer of `state.model.hidden` (0 where state.dropout has none).
std::vector<double> dropout_rates(const NetworkState& state);

// Field by field (doubles by value): what change detection and the link's round-trip test compare.
bool operator==(const PlaneState& a, const PlaneState& b);
bool operator==(const RacerSettings& a, const RacerSettings& b);
bool operator==(const RaceState& a, const RaceState& b);
bool operator==(const FunctionState& a, const FunctionState& b);
bool operator==(const GraphState& a, const GraphState& b);
bool operator==(const NetworkData& a, const NetworkData& b);
bool operator==(const NetworkModel& a, const NetworkModel& b);
bool operator==(const NetworkState& a, const NetworkState& b);
bool operator==(const ExerciseState& a, const ExerciseState& b);
bool operator==(const AppState& a, const AppState& b);
inline bool operator!=(const NetworkData& a, const NetworkData& b) { return !(a == b); }
inline bool operator!=(const NetworkModel& a, const NetworkModel& b) { return !(a == b); }

}  // namespace bp::app
