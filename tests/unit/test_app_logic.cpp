// The app's UI-free logic: state ⇄ URL hash, curve sampling for plots, graph layout.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "widgets/curve_sampling.hpp"
#include "expr/engine.hpp"
#include "graph/layout.hpp"
#include "network/csv_points.hpp"
#include "state/embed_options.hpp"
#include "state/gallery.hpp"
#include "state/link_codec.hpp"
#include "network/trainer.hpp"

using namespace bp::app;
namespace nn = bp::nn;

TEST_CASE("a state survives the trip through the URL hash, unicode expression included") {
  AppState s;
  s.mode = Mode::kFunction;
  s.function.text = "f(x) = 2x²−3x+4 & more=things #here";
  s.function.x0 = 0.75;
  s.function.h = 1e-6;
  s.function.scheme = Scheme::kCentral;
  s.function.view_x_min = -10, s.function.view_x_max = 10;
  s.function.show_derivative = true;
  s.graph.program = "d = a*b; e = d + c\nL = e*f";
  s.graph.values = {{"a", 3.5}, {"f", -2}};
  const std::string hash = encode_state(s);
  CHECK(hash.find("v=1&mode=function") == 0);
  CHECK(hash.find(' ') == std::string::npos);
  CHECK(hash.find('#') == std::string::npos);
  const DecodedState back = decode_state("#" + hash);
  CHECK(back.notices.empty());
  CHECK(back.state.function.text == s.function.text);
  CHECK(back.state.function.x0 == 0.75);
  CHECK(step_size(back.state.function) == doctest::Approx(1e-6).epsilon(1e-12));
  CHECK(back.state.function.scheme == Scheme::kCentral);
  CHECK(back.state.function.view_x_min == -10);
  CHECK(back.state.function.show_derivative);
  CHECK(back.state.graph.program == s.graph.program);
  CHECK(back.state.graph.values == s.graph.values);
  CHECK(encode_state(back.state) == hash);
}

TEST_CASE("the default state encodes to just its version and mode, so a plain link stays short") {
  CHECK(encode_state(AppState{}) == "v=1&mode=function");
}

TEST_CASE("a link from a newer release says so, and the keys this release knows still apply") {
  const auto d = decode_state("v=2&mode=graph&newkey=1&prog=a*b");
  CHECK(d.state.mode == Mode::kGraph);
  CHECK(d.state.graph.program == "a*b");
  REQUIRE(d.notices.size() == 2);
  CHECK(d.notices[0].find("newer release") != std::string::npos);
  CHECK(d.notices[1].find("unknown key 'newkey'") != std::string::npos);
  CHECK(decode_state("mode=graph").notices.empty());  // no version: the same keys, read as they are
}

TEST_CASE("hand-written links: readable pairs work, + stays a plus") {
  const auto d = decode_state("mode=function&expr=x^3+1&x0=-2&h=0.001");
  CHECK(d.notices.empty());
  CHECK(d.state.function.text == "x^3+1");
  CHECK(d.state.function.x0 == -2);
  CHECK(step_size(d.state.function) == doctest::Approx(0.001));
}

TEST_CASE("bad pairs are skipped with a notice each, and the rest of the link still applies") {
  const auto d = decode_state("mode=graph&h=0&x0=1e400&expr=%E2%88&bogus=1&scheme=sideways&view=1,0,0,1&x0=5&prog=a*b");
  CHECK(d.state.mode == Mode::kGraph);
  CHECK(d.state.graph.program == "a*b");
  CHECK(d.state.function.x0 == AppState{}.function.x0);         // 1e400 refused, the later x0 is a duplicate
  CHECK(d.state.function.h == AppState{}.function.h);
  CHECK(d.state.function.text == AppState{}.function.text);    // broken %-escape
  REQUIRE(d.notices.size() == 7);
  CHECK(d.notices[0].find("h='0'") != std::string::npos);
  CHECK(d.notices[1].find("x0") != std::string::npos);
  CHECK(d.notices[2].find("UTF-8") != std::string::npos);
  CHECK(d.notices[3].find("unknown key 'bogus'") != std::string::npos);
  CHECK(d.notices[4].find("forward, central or backward") != std::string::npos);
  CHECK(d.notices[5].find("minimum") != std::string::npos);
  CHECK(d.notices[6].find("twice") != std::string::npos);
}

TEST_CASE("a huge link is refused with a notice instead of being parsed") {
  const auto d = decode_state(std::string(300000, 'a'));
  REQUIRE(d.notices.size() == 1);
  CHECK(d.notices[0].find("300000") != std::string::npos);
}

TEST_CASE("percent-encoding matches encodeURIComponent") {
  // Expected strings: encodeURIComponent in Node 20.
  CHECK(percent_encode("f(x) = 2x²−3x+4") == "f(x)%20%3D%202x%C2%B2%E2%88%923x%2B4");
  CHECK(percent_encode("a*b; e") == "a*b%3B%20e");
  std::string out;
  CHECK(percent_decode("%E2%88%92", out));
  CHECK(out == "−");
  CHECK_FALSE(percent_decode("%4", out));
  CHECK_FALSE(percent_decode("%zz", out));
}

namespace {
int runs_crossing(const std::vector<CurveRun>& runs, double x) {
  int n = 0;
  for (const auto& run : runs) n += run.front().first < x && run.back().first > x;
  return n;
}
}  // namespace

TEST_CASE("1/x and tan x are drawn without a line across their poles") {
  const CurveWindow w{-3, 3, -10, 10, 600, 400};
  const auto inverse = sample_curve([](double x) { return 1 / x; }, w);
  CHECK(inverse.size() == 2);
  CHECK(runs_crossing(inverse, 0) == 0);
  const auto tangent = sample_curve([](double x) { return std::tan(x); }, CurveWindow{-5, 5, -10, 10, 600, 400});
  CHECK(tangent.size() == 5);  // poles at ±π/2 and ±3π/2
  for (double pole : {-4.71238898038469, -1.5707963267948966, 1.5707963267948966, 4.71238898038469}) {
    CHECK(runs_crossing(tangent, pole) == 0);
  }
}

TEST_CASE("a continuous curve is one run, and sampling refines where the curve bends") {
  const CurveWindow w{-3, 4, -2, 40, 600, 400};
  const auto line = sample_curve([](double x) { return 2 * x + 1; }, w);
  REQUIRE(line.size() == 1);
  const auto parabola = sample_curve([](double x) { return 2 * x * x - 3 * x + 4; }, w);
  REQUIRE(parabola.size() == 1);
  const auto wiggle = sample_curve([](double x) { return 10 * std::sin(8 * x) + 20; }, w);
  REQUIRE(wiggle.size() == 1);
  CHECK(line.front().size() == 201);                      // the base grid: 600 px / 3
  CHECK(wiggle.front().size() > parabola.front().size());
  CHECK(parabola.front().size() >= line.front().size());
}

TEST_CASE("a step is drawn as two runs, and a gap where f is not finite") {
  const auto step = sample_curve([](double x) { return x < 0.3 ? -5.0 : 5.0; }, CurveWindow{-1, 1, -6, 6, 400, 100});
  CHECK(step.size() == 2);
  const auto root = sample_curve([](double x) { return std::sqrt(x); }, CurveWindow{-2, 2, -1, 2, 400, 300});
  REQUIRE(root.size() == 1);
  CHECK(root.front().front().first >= 0);
}

TEST_CASE("sampling cut into slices of a few evaluations draws the same curve as one pass") {
  const CurveWindow w{-5, 5, -10, 10, 600, 400};
  for (const auto& f : std::vector<std::function<double(double)>>{
           [](double x) { return std::tan(x); }, [](double x) { return 10 * std::sin(8 * x); },
           [](double x) { return std::sqrt(x); }}) {
    const auto whole = sample_curve(f, w);
    CurveSampler sampler(w);
    int slices = 0, evaluations = 0, slice_start = 0;
    const auto counted = [&](double x) { ++evaluations; return f(x); };
    while (!sampler.run(counted, [&] { return evaluations - slice_start >= 50; })) {
      ++slices;
      slice_start = evaluations;
    }
    CHECK(slices > 3);
    CHECK(sampler.done());
    CHECK(sampler.runs() == whole);
  }
}

TEST_CASE("the seed program is laid out left to right by depth") {
  auto graph = bp::expr::graph("d = a*b; e = d + c; L = e*f", {{"a", 3}, {"b", -2}, {"c", 8}, {"f", -2}});
  REQUIRE(graph.ok());
  const GraphLayout layout = layout_graph(*graph);
  CHECK(layout.columns == 4);  // inputs | d | e | L
  CHECK(layout.rows == 2);     // a and b feed d; c sits beside d, f beside e
  for (const auto& node : graph->nodes) {
    for (int input : node.inputs) CHECK(layout.places[input].column < layout.places[node.id].column);
  }
  CHECK(layout.places[graph->output].column == 3);
}

TEST_CASE("a number used late sits next to its user, not in the first column") {
  auto graph = bp::expr::graph("y = w*x + b; L = (y - 3)^2", {{"w", 2}, {"x", 1.5}, {"b", 0.5}});
  REQUIRE(graph.ok());
  const GraphLayout layout = layout_graph(*graph);
  for (const auto& node : graph->nodes) {
    if (node.label == "3") {
      int user_column = -1;
      for (const auto& user : graph->nodes) {
        for (int input : user.inputs) {
          if (input == node.id) user_column = layout.places[user.id].column;
        }
      }
      CHECK(layout.places[node.id].column == user_column - 1);
    }
  }
}

TEST_CASE("an empty vals list (no slider moved) is accepted") {
  const auto d = decode_state("mode=graph&vals=");
  CHECK(d.notices.empty());
  CHECK(d.state.graph.values.empty());
}

TEST_CASE("the network mode's settings and trained weights travel in the link, bit for bit") {
  AppState s;
  s.mode = Mode::kNetwork;
  s.network.data.set = DataSet::kSpiral;
  s.network.data.noise = 0.1;
  s.network.data.features = {nn::Feature::kX1, nn::Feature::kX2, nn::Feature::kSinX1};
  s.network.model.hidden = {8, 8, 4};
  s.network.model.activation = nn::Activation::kRelu;
  s.network.learning_rate = 0.01;
  s.network.model.optimizer = nn::OptimizerKind::kAdam;
  s.network.weights = {0.1, -0.30000000000000004, 1e-300, 12345.678};
  s.network.epochs = 321;
  const auto back = decode_state(encode_state(s));
  CHECK(back.notices.empty());
  CHECK(back.state.mode == Mode::kNetwork);
  CHECK(back.state.network.data.set == DataSet::kSpiral);
  CHECK(back.state.network.data.features == s.network.data.features);
  CHECK(back.state.network.model.hidden == s.network.model.hidden);
  CHECK(back.state.network.weights == s.network.weights);
  CHECK(back.state.network.epochs == 321);
  CHECK(back.state.network.model.optimizer == nn::OptimizerKind::kAdam);
}

TEST_CASE("a link asking for 1000 layers or a million neurons gets a notice and the default network") {
  std::string thousand = "mode=network&hidden=";
  for (int i = 0; i < 1000; ++i) thousand += (i ? "," : "") + std::string("4");
  auto d = decode_state(thousand);
  REQUIRE(d.notices.size() == 1);
  CHECK(d.notices[0].find("1000 hidden layers") != std::string::npos);
  CHECK(d.state.network.model.hidden == NetworkState{}.model.hidden);
  d = decode_state("mode=network&hidden=1000000&w=AAAA");
  REQUIRE(d.notices.size() == 2);
  CHECK(d.notices[0].find("1 to 16 neurons") != std::string::npos);
  CHECK(d.notices[1].find("cut short") != std::string::npos);
}

TEST_CASE("CSV points: a header is skipped, separators are forgiving, a bad row is named by its line") {
  const auto ok = parse_csv_points("x1,x2,label\n1, 2, 1\n-3;0.5;-1\n\n4\t-4\t1\n");
  CHECK(ok.error.empty());
  REQUIRE(ok.points.size() == 3);
  CHECK(ok.points[1] == std::array<double, 3>{-3, 0.5, -1});
  const auto bad = parse_csv_points("1,2,1\n3,four,1\n");
  CHECK(bad.error.find("line 2") != std::string::npos);
  CHECK(parse_csv_points("9,0,1").error.find("between -6 and 6") != std::string::npos);
  CHECK(parse_csv_points("1,0,1.5").error.find("label") != std::string::npos);
  CHECK(parse_csv_points("1,0,0\n1,1,7\n").error.find("line 2: class 7") == 0);
}

TEST_CASE("CSV points: whole-number labels 0 … 5 are classes, text labels are classes in order of first appearance") {
  const auto whole = parse_csv_points("x1,x2,label\n1,1,0\n2,2,2\n3,3,1\n");
  CHECK(whole.error.empty());
  REQUIRE(whole.points.size() == 3);
  CHECK(whole.points[0][2] == -1);  // class 0 keeps TensorFlow Playground's -1
  CHECK(whole.points[1][2] == 2);
  CHECK(whole.points[2][2] == 1);
  CHECK(whole.label_names == std::vector<std::string>{"0", "1", "2"});
  const auto words = parse_csv_points("1,1,setosa\n2,2,virginica\n3,3,setosa\n-1,0,versicolor\n");
  CHECK(words.error.empty());
  CHECK(words.label_names == std::vector<std::string>{"setosa", "virginica", "versicolor"});
  REQUIRE(words.points.size() == 4);
  CHECK(words.points[1][2] == 1);
  CHECK(words.points[3][2] == 2);
  const auto seven = parse_csv_points("0,0,a\n0,0,b\n0,0,c\n0,0,d\n0,0,e\n0,0,f\n0,0,g\n");
  CHECK(seven.error == "line 7: a seventh class 'g': at most 6 classes");
  CHECK(seven.points.empty());
  const auto plus_minus = parse_csv_points("1,1,1\n2,2,-1\n");  // two classes as before, no names to show
  CHECK(plus_minus.label_names.empty());
  CHECK(parse_csv_points("1,1,0.5\n2,2,-0.25\n").points[1][2] == -0.25);  // a regression
}

TEST_CASE("the learner's own points travel in the link and train the network") {
  AppState s;
  s.mode = Mode::kNetwork;
  s.network.data.set = DataSet::kCustom;
  s.network.points = {{-3, -3, -1}, {3, 3, 1}, {-3, 3, 1}, {3, -3, -1}};
  const auto back = decode_state(encode_state(s));
  CHECK(back.notices.empty());
  CHECK(back.state.network.points == s.network.points);
  Trainer trainer;
  REQUIRE(trainer.configure(back.state.network).empty());
  CHECK(trainer.train_points().size() == 4);
  NetworkState one;
  one.data.set = DataSet::kCustom;
  one.points = {{1, 1, 1}};
  CHECK(trainer.configure(one).find("click the square") != std::string::npos);
}

TEST_CASE("every gallery entry is a link that reads back to its state without a notice") {
  REQUIRE(gallery().size() >= 17);
  for (const auto& entry : gallery()) {
    CAPTURE(entry.title);
    const std::string link = encode_state(entry.state);
    const auto back = decode_state(link);
    CHECK(back.notices.empty());
    CHECK(encode_state(back.state) == link);
    CHECK(std::count(entry.caption.begin(), entry.caption.end(), '\n') == 1);  // two lines
    MESSAGE(entry.title << ": " << link.size() << " characters");
  }
}

TEST_CASE("the gallery's networks build, and its graph programs compute their stated gradients") {
  for (const auto& entry : gallery()) {
    if (entry.state.mode != Mode::kNetwork) continue;
    CAPTURE(entry.title);
    Trainer trainer;
    CHECK(trainer.configure(entry.state.network).empty());
  }
  // "A node used twice": b = a·a, L = b + a at a = 3 gives ∂L/∂a = 2·3 + 1 = 7 (by hand).
  auto g = bp::expr::gradient("a = 3\nb = a*a\nL = b + a", {});
  REQUIRE(g.ok());
  CHECK(g->grad[0].second == 7);
}

TEST_CASE("embed options: compact chrome hides the gallery unless asked, lists are read, bad values noticed") {
  auto o = parse_embed_options("?embed=1&hide=table,descent,tabs&lock=expr&zoom=1.25&origins=https%3A%2F%2Fa.example");
  CHECK(o.embed);
  CHECK_FALSE(o.gallery);
  CHECK_FALSE(o.tabs);
  CHECK(o.hides("table"));
  CHECK(o.hides("descent"));
  CHECK_FALSE(o.hides("h"));
  CHECK(o.locks("expr"));
  CHECK(o.zoom == 1.25f);
  CHECK(o.notices.empty());
  o = parse_embed_options("embed=1&gallery=1&hide=sliders&lock=everything&zoom=9");
  CHECK(o.gallery);
  REQUIRE(o.notices.size() == 3);
  CHECK(o.zoom == 1.0f);
  CHECK(parse_embed_options("").gallery);  // the full page shows the gallery
}
