// The one typed state and its link: every field a learner can see survives encode → decode, each key
// alone writes only itself, the lists of names are the engine's, and refused values keep their notices.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "expr/function1d.hpp"
#include "network/trainer.hpp"
#include "state/choices.hpp"
#include "state/link_codec.hpp"

using namespace bp::app;
namespace nn = bp::nn;

namespace {

using Change = std::pair<const char*, std::function<void(AppState&)>>;

// One change per field, each away from its default, with the key that carries it. A field added to the
// state gets a line here (and one in operator== in app_state.cpp).
const std::vector<Change>& changes() {
  static const std::vector<Change> list = {
      {"mode", [](AppState& s) { s.mode = Mode::kNetwork; }},
      {"expr", [](AppState& s) { s.function.text = "f(t) = t³ − 2t"; }},
      {"x0", [](AppState& s) { s.function.x0 = -1.25; }},
      {"h", [](AppState& s) { s.function.h = 1e-3; }},
      {"scheme", [](AppState& s) { s.function.scheme = Scheme::kBackward; }},
      {"deriv", [](AppState& s) { s.function.show_derivative = true; }},
      {"reading", [](AppState& s) { s.function.show_reading = true; }},
      {"table", [](AppState& s) { s.function.table_points = {0.5, -7, 1e-3}; }},
      {"eta", [](AppState& s) { s.function.learning_rate = 0.02; }},
      {"view", [](AppState& s) { s.function.view_x_min = -10; }},
      {"view", [](AppState& s) { s.function.view_x_max = 10; }},
      {"view", [](AppState& s) { s.function.view_y_min = -5; }},
      {"view", [](AppState& s) { s.function.view_y_max = 5; }},
      {"y0", [](AppState& s) { s.function.plane.y0 = -0.75; }},
      {"yview", [](AppState& s) { s.function.plane.view_y_min = -8; }},
      {"yview", [](AppState& s) { s.function.plane.view_y_max = 2.5; }},
      {"plane", [](AppState& s) { s.function.plane.view = PlaneView::kSurface; }},
      {"camera", [](AppState& s) { s.function.plane.yaw = -120; }},
      {"camera", [](AppState& s) { s.function.plane.pitch = 60; }},
      {"camera", [](AppState& s) { s.function.plane.zoom = 1.5; }},
      {"dir", [](AppState& s) { s.function.plane.direction = 200; }},
      {"gfield", [](AppState& s) { s.function.plane.show_field = true; }},
      {"level", [](AppState& s) { s.function.plane.show_level = false; }},
      {"taylor", [](AppState& s) { s.function.show_taylor = true; }},
      {"race", [](AppState& s) { s.function.race.racers = {racer_defaults(RaceRule::kAdam)}; }},
      {"race", [](AppState& s) {
         RacerSettings momentum = racer_defaults(RaceRule::kMomentum);
         momentum.hyper.learning_rate = 0.01, momentum.hyper.momentum = 0.8;
         RacerSettings adamw = racer_defaults(RaceRule::kAdamW);
         adamw.hyper.beta1 = 0.5, adamw.hyper.beta2 = 0.75, adamw.hyper.epsilon = 1e-6, adamw.hyper.weight_decay = 0.1;
         RacerSettings rmsprop = racer_defaults(RaceRule::kRmsprop);
         rmsprop.hyper.alpha = 0.9;
         s.function.race.racers = {momentum, adamw, rmsprop, racer_defaults(RaceRule::kNewton)};
       }},
      {"rnoise", [](AppState& s) { s.function.race.noise = 0.5; }},
      {"rseed", [](AppState& s) { s.function.race.seed = 7; }},
      {"rsteps", [](AppState& s) { s.function.race.steps = 120; }},
      {"rplay", [](AppState& s) { s.function.race.is_playing = true; }},
      {"rspeed", [](AppState& s) { s.function.race.steps_per_second = 60; }},
      {"rlog", [](AppState& s) { s.function.race.log_scale = true; }},
      {"prog", [](AppState& s) { s.graph.program = "a = 1\nL = a*a"; }},
      {"vals", [](AppState& s) { s.graph.values = {{"a", 2.5}, {"b", -1}}; }},
      {"bstep", [](AppState& s) { s.graph.backward_step = 3; }},
      {"gcheck", [](AppState& s) { s.graph.show_check = true; }},
      {"gscheme", [](AppState& s) { s.graph.check_scheme = Scheme::kForward; }},
      {"gh", [](AppState& s) { s.graph.check_h = 1e-6; }},
      {"data", [](AppState& s) { s.network.data.set = DataSet::kCustom; }},
      {"noise", [](AppState& s) { s.network.data.noise = 0.25; }},
      {"train", [](AppState& s) { s.network.data.train_percent = 70; }},
      {"dseed", [](AppState& s) { s.network.data.seed = 9007199254740991; }},
      {"feat", [](AppState& s) { s.network.data.features = {nn::Feature::kSinX2, nn::Feature::kX1X2}; }},
      {"pts", [](AppState& s) { s.network.points = {{1, 2, 1}, {-3, 0.5, -1}}; }},
      {"data", [](AppState& s) { s.network.data.set = DataSet::kPinwheel; }},
      {"pts", [](AppState& s) { s.network.points = {{1, 2, 5}, {-3, 0.5, -1}, {0, 0, 2}}; }},  // six classes
      {"out", [](AppState& s) { s.network.model.output = nn::Activation::kSoftmax; }},
      {"loss", [](AppState& s) { s.network.loss = nn::Loss::kCrossEntropy; }},
      {"hidden", [](AppState& s) { s.network.model.hidden = {16, 1, 3}; }},
      {"act", [](AppState& s) { s.network.model.activation = nn::Activation::kRelu; }},
      {"out", [](AppState& s) { s.network.model.output = nn::Activation::kSigmoid; }},
      {"seed", [](AppState& s) { s.network.model.seed = 42; }},
      {"opt", [](AppState& s) { s.network.model.optimizer = nn::OptimizerKind::kAdam; }},
      {"reg", [](AppState& s) { s.network.model.regularization = nn::Regularization::kL1; }},
      {"regrate", [](AppState& s) { s.network.model.regularization_rate = 0.003; }},
      {"loss", [](AppState& s) { s.network.loss = nn::Loss::kBce; }},
      {"drop", [](AppState& s) { s.network.dropout = {0.25, 0, 0.9}; }},
      {"skip", [](AppState& s) { s.network.model.skip = true; }},
      {"lr", [](AppState& s) { s.network.learning_rate = 0.3; }},
      {"batch", [](AppState& s) { s.network.batch_size = 500; }},
      {"w", [](AppState& s) { s.network.weights = {0.1, -0.30000000000000004, 1e-300}; }},
      {"epoch", [](AppState& s) { s.network.epochs = 1000000; }},
      {"hide", [](AppState& s) { s.exercise.hide = {"slope", "grad:a", "loss"}; }},
      {"lock", [](AppState& s) { s.exercise.lock = {"x0", "buttons"}; }},
      {"ask", [](AppState& s) { s.exercise.ask = {"fx", "dW1:0,1", "grad:a"}; }},
      {"tol", [](AppState& s) { s.exercise.tolerance = 0.01; }},
      {"tol", [](AppState& s) { s.exercise.absolute_tolerance = 0.5; }},
      {"reveal", [](AppState& s) { s.exercise.reveal_after = 3; }},
      {"author", [](AppState& s) { s.exercise.is_authoring = true; }},
  };
  return list;
}

std::set<std::string> keys_of(const std::string& hash) {
  std::set<std::string> keys;
  std::size_t start = 0;
  while (start < hash.size()) {
    const std::size_t end = std::min(hash.find('&', start), hash.size());
    keys.insert(hash.substr(start, hash.find('=', start) - start));
    start = end + 1;
  }
  return keys;
}

}  // namespace

TEST_CASE("a state with every field changed comes back from its link equal, field for field") {
  AppState s;
  for (const auto& [key, change] : changes()) change(s);
  const std::string hash = encode_state(s);
  const DecodedState back = decode_state(hash);
  CHECK(back.notices.empty());
  CHECK(back.state.function == s.function);
  CHECK(back.state.graph == s.graph);
  CHECK(back.state.network == s.network);
  CHECK(back.state == s);
  // Every key of the table is written: no field a learner can change is left out of the link.
  CHECK(keys_of(hash) == keys_of(encode_state(AppState{}, true)));
}

TEST_CASE("the full state (change events, getState) writes every key, defaults included, and reads back as the defaults") {
  // The docs' own `state.x0` was undefined at x0 = 2, the default: the short link leaves it out.
  const std::string full = encode_state(AppState{}, true);
  std::set<std::string> every_key;
  for (const auto& [key, change] : changes()) every_key.insert(key);
  every_key.insert("v");
  CHECK(keys_of(full) == every_key);
  CHECK(full.find("&x0=2&") != std::string::npos);
  CHECK(full.find("&mode=function&") != std::string::npos);
  CHECK(keys_of(encode_state(AppState{})) == std::set<std::string>{"v", "mode"});  // the link stays short
  const DecodedState back = decode_state(full);
  CHECK(back.notices.empty());
  CHECK(back.state == AppState{});
}

TEST_CASE("each field changed alone writes its own key, and only it, and reads back equal") {
  const AppState defaults;
  for (const Change& c : changes()) {
    const std::string key = c.first;  // a copy: doctest's CAPTURE cannot take a structured binding (C++17)
    CAPTURE(key);
    AppState s;
    c.second(s);
    CHECK_FALSE(s == defaults);
    const std::string hash = encode_state(s);
    const std::set<std::string> expected{"v", "mode", key};
    CHECK(keys_of(hash) == expected);
    const DecodedState back = decode_state(hash);
    CHECK(back.notices.empty());
    CHECK(back.state == s);
  }
}

TEST_CASE("the keys added for the table, the reading and the backward step leave today's links as they are") {
  CHECK(encode_state(AppState{}) == "v=1&mode=function");
  const DecodedState d = decode_state("mode=graph&table=2,6,-2&reading=0&bstep=-1");
  CHECK(d.notices.empty());
  AppState graph;
  graph.mode = Mode::kGraph;
  CHECK(d.state == graph);
  CHECK(encode_state(d.state) == "v=1&mode=graph");
}

TEST_CASE("the new keys refuse what their fields cannot hold, each with a notice saying what fits") {
  const DecodedState d = decode_state("table=1,2,3,4,5,6,7,8,9,10,11,12,13&reading=yes&bstep=-2");
  REQUIRE(d.notices.size() == 3);
  CHECK(d.notices[0] == "skipped table='1,2,3,4,5,6,7,8,9,10,11,12,13': expected 1 to 12 numbers between -1e12 and "
                       "1e12, such as 2,6,-2");
  CHECK(d.notices[1] == "skipped reading='yes': expected 0 or 1");
  CHECK(d.notices[2] == "skipped bstep='-2': expected -1 (every gradient) or a whole number of backward steps");
  CHECK(decode_state("table=").notices.size() == 1);  // an empty table would show nothing: refused
  CHECK(decode_state("bstep=0").state.graph.backward_step == 0);
}

TEST_CASE("every refused value keeps the notice it had before the property table was rebuilt") {
  // Printed by the table as it was (one hand-written row per key) for the same links.
  const std::vector<std::pair<std::string, std::string>> golden = {
      {"v=x", "skipped v='x': expected a version number"},
      {"v=1.5", "skipped v='1.5': expected a version number"},
      {"v=0", "skipped v='0': expected a version number"},
      {"v=9", "skipped v='9': made by a newer release (version 9); keys this one does not know are skipped"},
      {"mode=tree", "skipped mode='tree': expected function, graph or network"},
      {"x0=abc", "skipped x0='abc': expected a number between -1e12 and 1e12"},
      {"x0=2e12", "skipped x0='2e12': expected a number between -1e12 and 1e12"},
      {"h=2", "skipped h='2': expected a step from 1e-15 to 1"},
      {"h=0", "skipped h='0': expected a step from 1e-15 to 1"},
      {"scheme=up", "skipped scheme='up': expected forward, central or backward"},
      {"view=1,2,3", "skipped view='1,2,3': expected four numbers: xmin,xmax,ymin,ymax"},
      {"view=a,1,2,3", "skipped view='a,1,2,3': expected four numbers: xmin,xmax,ymin,ymax"},
      {"view=2,1,0,1", "skipped view='2,1,0,1': each minimum must be below its maximum"},
      {"yview=1", "skipped yview='1': expected two numbers: ymin,ymax"},
      {"yview=3,-3", "skipped yview='3,-3': the minimum must be below the maximum"},
      {"plane=globe", "skipped plane='globe': expected map or surface"},
      {"camera=0,100,1", "skipped camera='0,100,1': expected yaw,pitch,zoom: yaw -360 to 360, pitch -90 to 90, zoom 0.1 to 10"},
      {"deriv=2", "skipped deriv='2': expected 0 or 1"},
      {"eta=0", "skipped eta='0': expected a learning rate above 0, at most 10"},
      {"eta=11", "skipped eta='11': expected a learning rate above 0, at most 10"},
      {"vals=a", "skipped vals='a': expected name:number pairs such as a:3,b:-2"},
      {"vals=1a:2", "skipped vals='1a:2': expected name:number pairs such as a:3,b:-2"},
      {"data=moon", "skipped data='moon': expected one of circle xor gauss spiral plane multigauss custom function "
                  "blobs3 blobs4 blobs5 spiral3 rings3 pinwheel"},
      {"pts=1,2", "skipped pts='1,2': expected x1,x2,label triples (|x| ≤ 6, label in [-1, 1] or a class 2 … 5) "
                  "separated by ;"},
      {"pts=7,0,1", "skipped pts='7,0,1': expected x1,x2,label triples (|x| ≤ 6, label in [-1, 1] or a class 2 … 5) "
                    "separated by ;"},
      {"noise=0.6", "skipped noise='0.6': expected a number from 0 to 0.5"},
      {"noise=-1", "skipped noise='-1': expected a number from 0 to 0.5"},
      {"train=5", "skipped train='5': expected a whole percentage from 10 to 90"},
      {"train=50.5", "skipped train='50.5': expected a whole percentage from 10 to 90"},
      {"dseed=-1", "skipped dseed='-1': expected a whole number seed"},
      {"dseed=1.5", "skipped dseed='1.5': expected a whole number seed"},
      {"feat=x3", "skipped feat='x3': expected distinct features among x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)"},
      {"feat=x1,x1", "skipped feat='x1,x1': expected distinct features among x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)"},
      {"feat=", "skipped feat='': expected distinct features among x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)"},
      {"hidden=0", "skipped hidden='0': each hidden layer needs 1 to 16 neurons (got 0)"},
      {"hidden=4,a", "skipped hidden='4,a': each hidden layer needs 1 to 16 neurons (got a)"},
      {"hidden=1,1,1,1,1,1,1,1,1",
       "skipped hidden='1,1,1,1,1,1,1,1,1': asks for 9 hidden layers; at most 8 are offered"},
      {"act=softmax", "skipped act='softmax': expected one of tanh relu sigmoid linear"},
      {"out=relu", "skipped out='relu': expected one of tanh linear sigmoid softmax"},
      {"loss=hinge", "skipped loss='hinge': expected one of mse bce crossentropy"},
      {"data=blobs6", "skipped data='blobs6': expected one of circle xor gauss spiral plane multigauss custom "
                      "function blobs3 blobs4 blobs5 spiral3 rings3 pinwheel"},
      {"pts=1,1,6", "skipped pts='1,1,6': expected x1,x2,label triples (|x| ≤ 6, label in [-1, 1] or a class 2 … 5) "
                    "separated by ;"},
      {"lr=0", "skipped lr='0': expected a number from 1e-06 to 10"},
      {"lr=20", "skipped lr='20': expected a number from 1e-06 to 10"},
      {"batch=0", "skipped batch='0': expected a batch size from 1 to 500"},
      {"batch=501", "skipped batch='501': expected a batch size from 1 to 500"},
      {"opt=rmsprop", "skipped opt='rmsprop': expected one of sgd momentum adam"},
      {"reg=l3", "skipped reg='l3': expected one of none l1 l2"},
      {"regrate=11", "skipped regrate='11': expected a number from 0 to 10"},
      {"seed=x", "skipped seed='x': expected a whole number seed"},
      {"w=@@", "skipped w='@@': not a weights blob written by the playground (cut short?)"},
      {"epoch=-1", "skipped epoch='-1': expected a whole number of epochs"},
      {"epoch=1.5", "skipped epoch='1.5': expected a whole number of epochs"},
      {"mode=network&data=circle&data=xor", "'data' appears twice; the first one is used"},
      {"zzz=1", "skipped unknown key 'zzz'"},
  };
  for (const auto& pair : golden) {
    const std::string& link = pair.first;
    CAPTURE(link);
    const DecodedState d = decode_state(link);
    REQUIRE(d.notices.size() == 1);
    CHECK(d.notices[0] == pair.second);
  }
}

TEST_CASE("each list of names is the engine's names, in the panels' order, each name read back to its value") {
  CHECK(names_joined(data_set_choices(), " ", " ") ==
        "circle xor gauss spiral plane multigauss custom function blobs3 blobs4 blobs5 spiral3 rings3 pinwheel");
  CHECK(names_joined(feature_choices(), ",", ",") == "x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)");
  CHECK(names_joined(activation_choices(), " ", " ") == "tanh relu sigmoid linear");
  CHECK(names_joined(output_activation_choices(), " ", " ") == "tanh linear sigmoid softmax");
  CHECK(names_joined(loss_choices(), " ", " ") == "mse bce crossentropy");
  CHECK(names_joined(optimizer_choices(), " ", " ") == "sgd momentum adam");
  CHECK(names_joined(regularization_choices(), " ", " ") == "none l1 l2");
  CHECK(names_joined(mode_choices(), ", ", " or ") == "function, graph or network");
  CHECK(names_joined(scheme_choices(), ", ", " or ") == "forward, central or backward");
  for (const auto& c : activation_choices()) CHECK(nn::activation_named(c.name) == c.value);
  for (const auto& c : output_activation_choices()) CHECK(nn::activation_named(c.name) == c.value);
  for (const auto& c : loss_choices()) CHECK(nn::loss_named(c.name) == c.value);
  for (const auto& c : optimizer_choices()) CHECK(nn::optimizer_named(c.name) == c.value);
  for (const auto& c : regularization_choices()) CHECK(nn::regularization_named(c.name) == c.value);
  for (const auto& c : feature_choices()) CHECK(nn::feature_named(c.name) == c.value);
  for (const auto& c : data_set_choices()) {
    CHECK(value_named(data_set_choices(), c.name) == c.value);
    if (auto kind = generated_kind(c.value)) CHECK(nn::dataset_name(*kind) == c.name);
  }
  CHECK_FALSE(generated_kind(DataSet::kCustom).has_value());
  CHECK_FALSE(generated_kind(DataSet::kFunction).has_value());
  CHECK(name_of(output_activation_choices(), nn::Activation::kRelu) == "?");  // not offered for the output
}

TEST_CASE("f's variable is read one way: the parameter, else x, else the only free name") {
  CHECK(bp::expr::variable_of("f(t) = t^2") == "t");
  CHECK(bp::expr::variable_of("t^2") == "t");
  CHECK(bp::expr::variable_of("a*x + t") == "x");
  CHECK(bp::expr::variable_of("a*t") == "x");  // two free names and no x: x, and a and t need values
  CHECK(bp::expr::variable_of("3") == "x");
  CHECK(bp::expr::variable_of("(") == "x");  // does not parse: compiling it reports the error
}

TEST_CASE("the network's samples of f use f's own variable, so t^2 fits as it plots in function mode") {
  double scale = 0;
  std::string error;
  const auto points = function_samples("t^2", 50, 1, scale, error);
  CHECK(error.empty());
  REQUIRE(points.size() == 50);
  for (const auto& p : points) CHECK(p.label * scale == doctest::Approx(p.x1 * p.x1));  // t² at x = t
  NetworkState s;
  s.data.set = DataSet::kFunction;
  s.data.features = {nn::Feature::kX1};
  s.function_text = "t^2";
  Trainer trainer;
  CHECK(trainer.configure(s) == "");
  CHECK(trainer.is_function_fit());
}

TEST_CASE("a version number far past any release is read as newer, with its notice (found by fuzz_state)") {
  // Before: v=6.7e35 was cast to int, undefined behaviour that UBSan reported.
  const DecodedState decoded = decode_state("mode=graph&v=6.66667e35&x0=3");
  CHECK(decoded.state.mode == Mode::kGraph);
  CHECK(decoded.state.function.x0 == 3);
  REQUIRE(decoded.notices.size() == 1);
  CHECK(decoded.notices[0].find("newer release") != std::string::npos);
}

TEST_CASE("drop and skip refuse what the network cannot take, and the dropout list lines up with the hidden layers") {
  const DecodedState d = decode_state("drop=0.2,0.95&skip=yes");
  REQUIRE(d.notices.size() == 2);
  CHECK(d.notices[0] == "skipped drop='0.2,0.95': each dropout rate must be from 0 to 0.9 (got 0.95)");
  CHECK(d.notices[1] == "skipped skip='yes': expected 0 or 1");
  CHECK(decode_state("drop=1,1,1,1,1,1,1,1,1").notices.at(0) ==
        "skipped drop='1,1,1,1,1,1,1,1,1': gives 9 dropout rates; at most 8 (one per hidden layer)");
  AppState s = decode_state("hidden=4,4,4&drop=0.5").state;
  CHECK(dropout_rates(s.network) == std::vector<double>{0.5, 0, 0});
  s.network.model.hidden = {4};
  s.network.dropout = {0.1, 0.3};
  CHECK(dropout_rates(s.network) == std::vector<double>{0.1});
}
