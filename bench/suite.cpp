// The benchmark suite's native contender (bench/run.mjs runs it): our engine compiled for this
// machine, on the very data the JavaScript contenders get. bench/run.mjs writes each workload into a
// directory (spec.txt, then raw little-endian doubles); this program times it and prints one line of
// JSON: {"seconds": [one entry per timed run], ...}.
//   bench_suite train   DIR   — spec: layers, activation, output, lr, batch, epochs, warmup, runs
//   bench_suite surface DIR   — the forward pass over DIR/grid.f64 (Network::predict)
//   bench_suite expr    DIR   — f and f' at DIR/xs.f64 of the text in DIR/text.txt
//   bench_suite graph   DIR   — evaluate + gradient of DIR/text.txt with a and b from the spec
//   bench_suite race    DIR   — six optimizers (torch's defaults) from (-1.2, 1) on DIR/text.txt, `steps` each
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "expr/engine.hpp"
#include "expr/function1d.hpp"
#include "expr/program.hpp"
#include "nn/network.hpp"
#include "nn/optimizer.hpp"
#include "nn/training.hpp"
#include "optim/optimize.hpp"

namespace {

using Clock = std::chrono::steady_clock;

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<double> read_doubles(const std::string& path) {
  const std::string bytes = read_text(path);
  std::vector<double> values(bytes.size() / sizeof(double));
  std::memcpy(values.data(), bytes.data(), values.size() * sizeof(double));
  return values;
}

// spec.txt: one "key value..." per line.
std::map<std::string, std::vector<std::string>> read_spec(const std::string& dir) {
  std::map<std::string, std::vector<std::string>> spec;
  std::istringstream lines(read_text(dir + "/spec.txt"));
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string key, word;
    words >> key;
    while (words >> word) spec[key].push_back(word);
  }
  return spec;
}

int number(const std::map<std::string, std::vector<std::string>>& spec, const char* key) {
  return std::stoi(spec.at(key).at(0));
}

// Times `runs` calls of work() after `warmup` untimed ones and prints them.
template <class Work>
void time_runs(int warmup, int runs, Work work, const std::string& extra = "") {
  for (int i = 0; i < warmup; ++i) work();
  std::printf("{\"seconds\": [");
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    work();
    const std::chrono::duration<double> took = Clock::now() - start;
    std::printf("%s%.9f", i ? ", " : "", took.count());
  }
  std::printf("]%s}\n", extra.c_str());
}

bp::nn::Network network_from(const std::map<std::string, std::vector<std::string>>& spec, const std::string& dir) {
  using namespace bp::nn;
  NetworkConfig config;
  config.layers.clear();
  for (const std::string& size : spec.at("layers")) config.layers.push_back(std::stoi(size));
  config.activation = *activation_named(spec.at("activation").at(0));
  config.output_activation = *activation_named(spec.at("output").at(0));
  if (spec.count("loss")) config.loss = *loss_named(spec.at("loss").at(0));
  Network network(config);
  const std::vector<double> weights = read_doubles(dir + "/weights.f64");  // per layer: W row-major, then b
  std::size_t k = 0;
  for (Dense& layer : network.layers()) {
    for (Eigen::Index i = 0; i < layer.W.rows(); ++i) {
      for (Eigen::Index j = 0; j < layer.W.cols(); ++j) layer.W(i, j) = weights.at(k++);
    }
    for (Eigen::Index i = 0; i < layer.b.size(); ++i) layer.b(i) = weights.at(k++);
  }
  return network;
}

int train(const std::string& dir) {
  using namespace bp::nn;
  const auto spec = read_spec(dir);
  Network network = network_from(spec, dir);
  const std::vector<double> xs = read_doubles(dir + "/x.f64"), ys = read_doubles(dir + "/y.f64");
  const Eigen::Index inputs = network.input_size(), outputs = network.output_size();
  const Eigen::Index n = static_cast<Eigen::Index>(xs.size()) / inputs;
  const Eigen::MatrixXd x = Eigen::Map<const Eigen::MatrixXd>(xs.data(), inputs, n);
  const Eigen::MatrixXd y = Eigen::Map<const Eigen::MatrixXd>(ys.data(), outputs, n);
  const int epochs = number(spec, "epochs"), batch = number(spec, "batch");
  Optimizer sgd({OptimizerKind::kSgd, std::stod(spec.at("lr").at(0))}, network);
  double loss = 0;
  time_runs(number(spec, "warmup"), number(spec, "runs"), [&] {
    for (int e = 0; e < epochs; ++e) loss = train_epoch(network, sgd, x, y, batch);
  });
  (void)loss;
  return 0;
}

int surface(const std::string& dir) {
  const auto spec = read_spec(dir);
  bp::nn::Network network = network_from(spec, dir);
  const std::vector<double> grid = read_doubles(dir + "/grid.f64");
  const Eigen::Index n = static_cast<Eigen::Index>(grid.size()) / 2;
  const Eigen::Map<const Eigen::MatrixXd> x(grid.data(), 2, n);
  // predict(), as the JavaScript API's forward() calls it: the grid block by block, not one 65,536-column batch.
  time_runs(number(spec, "warmup"), number(spec, "runs"), [&] { (void)network.predict(x); });
  return 0;
}

int expr(const std::string& dir) {
  const auto spec = read_spec(dir);
  auto f = bp::expr::Function1D::compile(read_text(dir + "/text.txt"), "x", {});
  if (!f) return std::fprintf(stderr, "%s\n", f.error().message.c_str()), 1;
  const std::vector<double> xs = read_doubles(dir + "/xs.f64");
  std::vector<double> ys(xs.size()), dys(xs.size());
  time_runs(number(spec, "warmup"), number(spec, "runs"), [&] { f->sample(xs.data(), xs.size(), ys.data(), dys.data()); });
  return 0;
}

int graph(const std::string& dir) {
  const auto spec = read_spec(dir);
  const bp::expr::Vars vars{{"a", std::stod(spec.at("a").at(0))}, {"b", std::stod(spec.at("b").at(0))}};
  auto program = bp::expr::compile(read_text(dir + "/text.txt"), bp::expr::names_of(vars));
  if (!program) return std::fprintf(stderr, "%s\n", program.error().message.c_str()), 1;
  double value = 0;
  time_runs(number(spec, "warmup"), number(spec, "runs"), [&] { value = bp::expr::gradient(*program, vars)->value; },
            ", \"nodes\": " + std::to_string(program->graph.size()));
  (void)value;
  return 0;
}

// The same race as engine.race() in bench/run.mjs: sgd, momentum, nesterov, adagrad, rmsprop, adam.
int race(const std::string& dir) {
  using namespace bp::optim;
  const auto spec = read_spec(dir);
  auto program = bp::expr::compile(read_text(dir + "/text.txt"), {"x", "y"});
  if (!program) return std::fprintf(stderr, "%s\n", program.error().message.c_str()), 1;
  std::vector<Racer> racers;
  for (Rule rule : {Rule::kSgd, Rule::kMomentum, Rule::kNesterov, Rule::kAdagrad, Rule::kRmsprop, Rule::kAdam}) {
    OptimizeOptions options;
    options.rule = rule;
    options.hyper = defaults_for(rule);
    options.steps = number(spec, "steps");
    racers.push_back({{{"x", -1.2}, {"y", 1}}, options});
  }
  double f = 0;
  time_runs(number(spec, "warmup"), number(spec, "runs"), [&] { f = bp::optim::race(*program, racers)->front().path.f.back(); });
  (void)f;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: bench_suite train|surface|expr|graph|race DIR (bench/run.mjs writes DIR)\n");
    return 2;
  }
  const std::string mode = argv[1], dir = argv[2];
  if (mode == "train") return train(dir);
  if (mode == "surface") return surface(dir);
  if (mode == "expr") return expr(dir);
  if (mode == "graph") return graph(dir);
  if (mode == "race") return race(dir);
  std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
  return 2;
}
