// The decision surface's text alternative: what a screen-reader user hears matches what the surface shows.
#include <doctest/doctest.h>

#include <string>

#include "network/surface_text.hpp"
#include "network/trainer.hpp"

using namespace bp::app;
namespace nn = bp::nn;

namespace {
// A network with no hidden layer reading x1 alone, output tanh(w·x1 + b): by hand it picks class +1 exactly
// where w·x1 + b > 0, so the expected grid and counts below come from that rule, not from the network.
NetworkState one_weight_network(DataSet set) {
  NetworkState s;
  s.data.set = set;
  s.data.features = {nn::Feature::kX1};
  s.model.hidden = {};
  return s;
}

std::string counts(const std::vector<nn::Point>& points, double w, double b) {
  int right[2] = {0, 0}, total[2] = {0, 0};
  for (const nn::Point& p : points) {
    const int k = p.label > 0 ? 0 : 1;
    ++total[k];
    right[k] += (w * p.x1 + b > 0) == (k == 0);
  }
  return "class +1: " + std::to_string(right[0]) + " of " + std::to_string(total[0]) + " right, class -1: " +
         std::to_string(right[1]) + " of " + std::to_string(total[1]) + " right";
}
}  // namespace

TEST_CASE("a classifier's surface is read as + and - per cell, row by row from the top, with counts per class") {
  Trainer trainer;
  REQUIRE(trainer.configure(one_weight_network(DataSet::kGauss)).empty());
  REQUIRE(trainer.set_parameters({1.0, -1.0}));  // picks +1 where x1 > 1
  const std::string text = surface_text(trainer);
  CAPTURE(text);
  // Cell centres x1 = -4.8, -2.4, 0, 2.4, 4.8: only the last two lie right of x1 = 1; every row alike.
  CHECK(text.find("x1 from -4.8 to 4.8 left to right") != std::string::npos);
  CHECK(text.find("row x2 = 4.8: - - - + +. row x2 = 2.4: - - - + +. row x2 = 0.0: - - - + +. row x2 = -2.4: - - - + "
                  "+. row x2 = -4.8: - - - + +.") != std::string::npos);
  CHECK(text.find("Training points: " + counts(trainer.train_points(), 1, -1) + ".") != std::string::npos);
  CHECK(text.find("Test points: " + counts(trainer.test_points(), 1, -1) + ".") != std::string::npos);
}

TEST_CASE("turning the boundary round turns the words round") {
  Trainer trainer;
  REQUIRE(trainer.configure(one_weight_network(DataSet::kGauss)).empty());
  REQUIRE(trainer.set_parameters({-2.0, 0.0}));  // picks +1 where x1 < 0
  const std::string text = surface_text(trainer, 4);  // centres -4.5, -1.5, 1.5, 4.5
  CAPTURE(text);
  CHECK(text.find("row x2 = 4.5: + + - -.") != std::string::npos);
  CHECK(text.find("Training points: " + counts(trainer.train_points(), -2, 0) + ".") != std::string::npos);
}

TEST_CASE("a regression's surface is read as the network's values") {
  Trainer trainer;
  NetworkState s = one_weight_network(DataSet::kPlane);
  s.model.output = nn::Activation::kLinear;
  REQUIRE(trainer.configure(s).empty());
  REQUIRE(trainer.set_parameters({0.5, 0.25}));  // y = 0.5·x1 + 0.25: -2.15 -0.95 0.25 1.45 2.65 at the centres
  const std::string text = surface_text(trainer);
  CAPTURE(text);
  CHECK(text.find("Training points") == std::string::npos);
  CHECK(text.find("row x2 = -4.8: -2.15 -0.95 0.25 1.45 2.65.") != std::string::npos);
}
