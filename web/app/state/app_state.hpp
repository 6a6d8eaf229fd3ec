// Everything the learner set up, in one struct: what a shared link will carry. No ImGui here.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace bp::app {

enum class Mode { kFunction, kGraph, kNetwork };

enum class Scheme { kForward, kCentral, kBackward };

struct FunctionState {
  std::string text = "f(x) = 2x²−3x+4";            // the seed's function, typed as the learner would
  double x0 = 2;                                   // the draggable point
  double log10_h = -0.5;                           // h = 10^log10_h; large at first, so the secant shows
  Scheme scheme = Scheme::kForward;
  bool show_derivative = false;                    // f′ curve and its symbolic text
  bool show_reading = false;                       // the parser's fully parenthesised reading
  std::vector<double> table_points{2, 6, -2};      // the seed's table
  double learning_rate = 0.1;                      // gradient descent x ← x − η·f′(x)
  double view_x_min = -3, view_x_max = 4;          // the seed's plot range, np.arange(-3, 4)
  double view_y_min = -2, view_y_max = 40;
};

struct GraphState {
  std::string program = "a = 3\nb = -2\nc = 8\nf = -2\nd = a*b\ne = d + c\nL = e*f";  // the seed's program
  std::vector<std::pair<std::string, double>> values;  // slider values that override the program's numbers
  int backward_step = -1;  // nodes whose gradient is shown, in backward order; -1: all of them
};

// Network mode: TensorFlow Playground's controls. Defaults mirror its start page (state.ts): circle,
// noise 0, half the points for training, x₁ and x₂, hidden [4, 2] tanh, learning rate 0.03, batch 10.
struct NetworkState {
  std::string dataset = "circle";                  // circle xor gauss spiral plane multigauss custom function
  double noise = 0;                                // 0 … 0.5
  int train_percent = 50;                          // 10 … 90
  std::uint64_t data_seed = 1;
  std::vector<std::string> features{"x1", "x2"};   // x1 x2 x1^2 x2^2 x1*x2 sin(x1) sin(x2)
  std::vector<int> hidden{4, 2};                   // neurons per hidden layer (at most 8 layers × 16)
  std::string activation = "tanh";                 // tanh relu sigmoid linear
  std::string output = "tanh";                     // output activation: tanh linear sigmoid
  std::string loss = "mse";                        // mse, or bce with a sigmoid output
  double learning_rate = 0.03;
  int batch_size = 10;
  std::string optimizer = "sgd";                   // sgd momentum adam
  std::string regularization = "none";             // none l1 l2
  double regularization_rate = 0;
  std::uint64_t seed = 1;                          // weight initialisation
  std::vector<double> weights;                     // trained parameters (layer by layer: W row-major, b); empty: fresh
  long epochs = 0;                                 // epochs trained into `weights`
  std::vector<std::array<double, 3>> points;       // the learner's own data (dataset "custom"): x1, x2, label
  std::string function_text;                       // dataset "function": samples of function mode's f
};

struct AppState {
  Mode mode = Mode::kFunction;
  FunctionState function;
  GraphState graph;
  NetworkState network;
};

double step_size(const FunctionState& state);  // h

}  // namespace bp::app
