// Gallery entries, one function each (ImPlot's demo style), then the list.
#include "state/gallery.hpp"

#include <cmath>

#include "state/presets.hpp"

#include <utility>

namespace bp::app {

namespace {

AppState function_example(const std::string& text, double x0, double h, Scheme scheme = Scheme::kForward) {
  AppState s;
  s.mode = Mode::kFunction;
  s.function.text = text;
  s.function.x0 = x0;
  s.function.h = h;
  s.function.scheme = scheme;
  return s;
}

AppState graph_example(const std::string& program) {
  AppState s;
  s.mode = Mode::kGraph;
  s.graph.program = program;
  return s;
}

AppState network_example(NetworkState network) {
  AppState s;
  s.mode = Mode::kNetwork;
  s.network = std::move(network);
  return s;
}

NetworkState network(DataSet set, std::vector<int> hidden, nn::Activation activation = nn::Activation::kTanh) {
  NetworkState n;
  n.data.set = set;
  n.model.hidden = std::move(hidden);
  n.model.activation = activation;
  return n;
}

// An exercise on `s`: what it hides, locks and asks (state/exercise_names.hpp's names).
AppState exercise(AppState s, std::vector<std::string> hide, std::vector<std::string> lock,
                  std::vector<std::string> ask) {
  s.exercise.hide = std::move(hide);
  s.exercise.lock = std::move(lock);
  s.exercise.ask = std::move(ask);
  return s;
}

// A race preset: f of x and y, the point far from the minimum, the view around both, the racers set.
// (The vertical variable's start and range join once the two-variable view's state does.)
// `y0` and the vertical range matter only for a function of two variables (the two-variable view).
AppState race_example(const std::string& text, double x0, double x_min, double x_max,
                      std::vector<std::pair<RaceRule, double>> racers, double y0 = 1, double y_min = -3,
                      double y_max = 3) {
  AppState s;
  s.mode = Mode::kFunction;
  s.function.text = text;
  s.function.x0 = x0;
  s.function.view_x_min = x_min, s.function.view_x_max = x_max;
  s.function.plane.y0 = y0;
  s.function.plane.view_y_min = y_min, s.function.plane.view_y_max = y_max;
  for (const auto& [rule, lr] : racers) {
    RacerSettings r = racer_defaults(rule);
    r.hyper.learning_rate = lr;
    s.function.race.racers.push_back(r);
  }
  return s;
}

// The optimizer race on the surfaces the literature races on (distill.pub's "Why Momentum Really Works",
// the test functions of optimization): each opens paused at step 0, Play starts it.
void optimizer_races(std::vector<GalleryEntry>& g) {
  using R = RaceRule;
  {
    AppState s = race_example("f(x) = x⁴ − 3x² + x", 2, -2.5, 2.5,
                              {{R::kSgd, 0.02}, {R::kMomentum, 0.01}, {R::kAdam, 0.3}, {R::kNewton, 1}});
    s.function.view_y_min = -5, s.function.view_y_max = 8;
    s.function.show_taylor = true;
    g.push_back({"Race in one variable: Newton against descent",
                 "Newton jumps to where the Taylor parabola at the point bottoms out;\n"
                 "descent, momentum and Adam walk down the slope to the nearer valley.", s});
  }
  g.push_back({"Race: a long narrow valley (momentum)",
               "f = ½x² + 10y², 20 times steeper across than along: descent zigzags\n"
               "across and crawls along; momentum builds up speed along the valley.",
               race_example("f(x, y) = 0.5x² + 10y²", -9, -10, 10,
                            {{R::kSgd, 0.09}, {R::kMomentum, 0.02}, {R::kAdam, 0.5}}, 1, -3, 3)});
  g.push_back({"Race: Rosenbrock's banana",
               "The minimum (1, 1) lies in a curved flat valley: every racer finds the valley\n"
               "at once and then creeps along it at its own pace.",
               race_example("f(x, y) = (1 − x)² + 100(y − x²)²", -1.2, -2, 2,
                            {{R::kSgd, 0.001}, {R::kMomentum, 0.001}, {R::kAdam, 0.05}, {R::kRmsprop, 0.01}}, 1, -1, 3)});
  g.push_back({"Race: Beale's function",
               "Flat plateaus and steep walls, the minimum at (3, 0.5):\n"
               "a rate that suits the walls starves on the plateau.",
               race_example("f(x, y) = (1.5 − x + x·y)² + (2.25 − x + x·y²)² + (2.625 − x + x·y³)²", 1, -4.5, 4.5,
                            {{R::kSgd, 0.01}, {R::kMomentum, 0.005}, {R::kAdam, 0.05}, {R::kAdagrad, 0.5}}, 1.4, -4.5,
                            4.5)});
  g.push_back({"Race: Himmelblau's four minima",
               "Four equal minima: from the same start, racers with other rules\n"
               "can end in different ones.",
               race_example("f(x, y) = (x² + y − 11)² + (x + y² − 7)²", -0.5, -5, 5,
                            {{R::kSgd, 0.01}, {R::kMomentum, 0.005}, {R::kAdam, 0.1}, {R::kRmsprop, 0.05}}, 0.5, -5, 5)});
  {
    AppState s = race_example("f(x, y) = x² − y²", 1, -2, 2,
                              {{R::kSgd, 0.05}, {R::kMomentum, 0.05}, {R::kAdam, 0.05}}, 0.001, -2, 2);
    g.push_back({"Race: a saddle x² − y²",
                 "Started almost on the ridge, the gradient across it is tiny: descent lingers at\n"
                 "the saddle. Add gradient noise and watch how soon each racer rolls off.", s});
  }
  g.push_back({"Race: a plateau",
               "f = 1 − exp(−(x² + y²)/4) is nearly flat far out: plain descent barely moves,\n"
               "while Adam and RMSProp rescale the tiny gradient and cross it.",
               race_example("f(x, y) = 1 − exp(−(x² + y²)/4)", 4, -5, 5,
                            {{R::kSgd, 0.5}, {R::kMomentum, 0.1}, {R::kAdam, 0.1}, {R::kRmsprop, 0.05}}, 3, -5, 5)});
}

// "Predict, then check": each hides the answer, locks the setup and asks for one thing (docs/links.md).
void exercises(std::vector<GalleryEntry>& g) {
  const std::string seed = "f(x) = 2x²−3x+4";
  g.push_back({"Exercise: the seed's slope at 2",
               "Work out f′(2) for f(x) = 2x²−3x+4 by hand,\ntype it in the answer field and check it.",
               exercise(function_example(seed, 2, 1e-6), {"slope", "fd", "diff", "tangent", "fprime", "error", "table"},
                        {"expr", "x0"}, {"slope"})});
  g.push_back({"Exercise: the finite difference at h = 0.001",
               "The forward difference (f(2.001) − f(2)) / 0.001:\nhow far from the slope 5 is it?",
               exercise(function_example(seed, 2, 0.001), {"fd", "diff", "error", "table:fd"},
                        {"expr", "x0", "h", "scheme"}, {"fd"})});
  const std::string program = GraphState{}.program;
  g.push_back({"Exercise: ∂L/∂a for the seed program",
               "d = a·b, e = d + c, L = e·f with a = 3, b = −2, c = 8, f = −2:\nwhat is ∂L/∂a?",
               exercise(graph_example(program), {"grads", "steps", "check"}, {"prog", "inputs"}, {"grad:a"})});
  {
    AppState s = exercise(graph_example(program), {"grads", "steps", "check"}, {"prog", "inputs"}, {"grads"});
    s.exercise.reveal_after = 3;
    g.push_back({"Exercise: every gradient of L = (a·b + c)·f",
                 "Fill in every gradient from ∂L/∂L down, then Check all:\nthe first wrong one gets its local rule.",
                 s});
  }
  g.push_back({"Exercise: one step-through's ∂L/∂W",
               "Example #0 through the round-weights network: ∂L/∂W2[0,0],\nthen W2[0,0] after one step with η = 0.1.",
               exercise(network_example(two_layer_example_preset()), {"grads", "steps"},
                        {"buttons", "weights", "hyper", "data"}, {"dW2:0,0", "W2:0,0"})});
  g.push_back({"Exercise: which h gives the smallest error?",
               "Try values of h and watch the difference to the slope;\nanswer h (or k in h = 10^k): right within a decade.",
               exercise(function_example(seed, 2, 0.1), {"error", "table"}, {"expr", "x0", "scheme"}, {"besth"})});
}

// Issue 17's layer options, each claim checked by training in tests/unit/test_nn_layers.cpp.
void dropout_and_skip_examples(std::vector<GalleryEntry>& g) {
  {
    NetworkState n = network(DataSet::kCircle, {16, 16});
    n.data.noise = 0.5;
    n.data.train_percent = 10;
    n.data.features = {nn::Feature::kX1,   nn::Feature::kX2,   nn::Feature::kX1Squared, nn::Feature::kX2Squared,
                       nn::Feature::kX1X2, nn::Feature::kSinX1, nn::Feature::kSinX2};
    n.batch_size = 5;
    n.dropout = {0.5, 0.5};
    g.push_back({"Dropout against over-fitting",
                 "50 noisy points, a big network: without dropout it learns the noise\n"
                 "(test loss rises). Dropout 0.5 keeps the test loss down. Set it to 0 and compare.",
                 network_example(n)});
  }
  {
    NetworkState n = network(DataSet::kCircle, {3, 3, 3, 3, 3, 3, 3, 3}, nn::Activation::kRelu);
    n.model.skip = true;
    g.push_back({"Skip connections train a deep narrow net",
                 "Eight relu layers of 3: with skips (h + f(W·h + b)) the circle is learnt;\n"
                 "untick them and the same net never leaves 50 %.",
                 network_example(n)});
  }
}

// Issue 17's several classes: a softmax output with cross-entropy (the page chooses them for > 2 classes).
// tests/unit/test_class_training.cpp trains both natively and checks the captions' claims.
NetworkState softmax_network(DataSet set, std::vector<int> hidden) {
  NetworkState n = network(set, std::move(hidden));
  n.model.output = nn::Activation::kSoftmax;
  n.loss = nn::Loss::kCrossEntropy;
  return n;
}

void classes_examples(std::vector<GalleryEntry>& g) {
  g.push_back({"Three blobs, no hidden layer",
               "Softmax on x₁, x₂ alone: straight boundaries between\nthe classes, and nearly every point right.",
               network_example(softmax_network(DataSet::kBlobs3, {}))});
  {
    NetworkState n = softmax_network(DataSet::kSpiral3, {16, 16, 16});
    n.model.optimizer = nn::OptimizerKind::kAdam;
    n.learning_rate = 0.01;
    g.push_back({"Three spiral arms need depth",
                 "Three layers of 16 wind around the arms;\nwith one small layer the boundaries stay nearly straight.",
                 network_example(n)});
  }
}

std::vector<GalleryEntry> build() {
  std::vector<GalleryEntry> g;
  // The seeds' examples.
  g.push_back({"The seed's function and its tangent",
               "f(x) = 2x²−3x+4 at x = 2: slope 5.\nThe table shows x = 2, 6, −2 as the article does.",
               function_example("f(x) = 2x²−3x+4", 2, 1e-6)});
  g.push_back({"Where the slope is zero",
               "At x = 0.75 the tangent is flat:\nthe finite difference with h = 1e-9 gives exactly 0.",
               function_example("f(x) = 2x²−3x+4", 0.75, 1e-9)});
  g.push_back({"Three partial derivatives",
               "d = a·b + c at a = 3, b = −2, c = 8:\n∂d/∂a = b = −2, ∂d/∂b = a = 3, ∂d/∂c = 1.",
               graph_example("a = 3\nb = -2\nc = 8\nd = a*b + c")});
  g.push_back({"Backwards through the chain rule",
               "L = (a·b + c)·f: step the backward pass\nfrom ∂L/∂L = 1 to ∂L/∂a = 4.",
               graph_example("a = 3\nb = -2\nc = 8\nf = -2\nd = a*b\ne = d + c\nL = e*f")});
  g.push_back({"The secant turns into the tangent",
               "Large h: the secant (green) is far from the tangent.\nSlide h down and watch them meet.",
               function_example("f(x) = 2x²−3x+4", 2, 0.5)});
  g.push_back({"The NumPy tutorial's network",
               "One sigmoid hidden layer, a linear output, mean squared error,\nupdated after every example.",
               network_example(numpy_tutorial_preset())});
  g.push_back({"A network to check by hand",
               "2 inputs, 2 tanh neurons, 1 linear output with round weights:\nclick a point and follow every number.",
               network_example(two_layer_example_preset())});
  // One idea each.
  g.push_back({"A node used twice: gradients add",
               "b = a·a and L = b + a use a twice:\n∂L/∂a = 2a + 1 = 7, one contribution per use.",
               graph_example("a = 3\nb = a*a\nL = b + a")});
  g.push_back({"The ReLU kink",
               "relu at 0 has no slope; autodiff says 0 (PyTorch's choice).\n"
               "Forward and backward differences disagree: 1 and 0.",
               function_example("relu(x)", 0, 0.1, Scheme::kCentral)});
  g.push_back({"Round-off when h is tiny",
               "h = 1e-15: f(x+h) − f(x) loses most of its digits,\nand the 'slope' is off by whole units.",
               function_example("f(x) = 2x²−3x+4", 2, 1e-15)});
  g.push_back({"Central differences: error ∝ h²",
               "The central scheme's error line is twice as steep;\nits sweet spot sits at a larger h.",
               function_example("sin(x)", 1, 1e-3, Scheme::kCentral)});
  g.push_back({"Poles without false lines",
               "tan x jumps from +∞ to −∞ at π/2:\nthe plot leaves a gap, the slope read-outs say Infinity.",
               function_example("tan(x)", 1, 1e-6)});
  g.push_back({"XOR needs a hidden layer",
               "No hidden layer: one straight boundary, about half right.\nAdd a layer of 4 and train again.",
               network_example(network(DataSet::kXor, {}))});
  {
    NetworkState n = network(DataSet::kSpiral, {8, 8, 8, 8});
    n.data.features = {nn::Feature::kX1, nn::Feature::kX2, nn::Feature::kSinX1, nn::Feature::kSinX2};
    g.push_back({"The spiral needs depth or features",
                 "Four layers and sin features wind around the arms;\ntry x₁, x₂ alone and see it fail.",
                 network_example(n)});
  }
  g.push_back({"Sigmoid saturates: vanishing gradients",
               "Six sigmoid layers: gradients shrink by ≤ 1/4 per layer\nand the first layers barely move.",
               network_example(network(DataSet::kCircle, {4, 4, 4, 4, 4, 4}, nn::Activation::kSigmoid))});
  {
    NetworkState n = network(DataSet::kCircle, {4, 2});
    n.learning_rate = 3;
    g.push_back({"A learning rate too large",
                 "Learning rate 3: the loss jumps about and\nthe network never settles. Try 0.03.",
                 network_example(n)});
  }
  {
    NetworkState n = network(DataSet::kGauss, {8, 8});
    n.model.regularization = nn::Regularization::kL2;
    n.model.regularization_rate = 0.03;
    g.push_back({"L2 shrinks the weights",
                 "With L2 the edges thin out as training goes on:\nonly weights that earn their keep stay large.",
                 network_example(n)});
  }
  {
    NetworkState n = network(DataSet::kFunction, {8});
    n.data.features = {nn::Feature::kX1};
    n.model.output = nn::Activation::kLinear;
    n.learning_rate = 0.01;
    n.function_text = "f(x) = 2x²−3x+4";  // the page takes it from function mode's field, which the link sets
    AppState s = network_example(n);
    s.function.text = "f(x) = 2x²−3x+4";
    g.push_back({"Fit a network to a typed f(x)",
                 "The network learns samples of function mode's f.\nType another f there and come back.", s});
  }
  dropout_and_skip_examples(g);
  classes_examples(g);
  exercises(g);
  optimizer_races(g);
  return g;
}

}  // namespace

const std::vector<GalleryEntry>& gallery() {
  static const std::vector<GalleryEntry> entries = build();
  return entries;
}

}  // namespace bp::app
