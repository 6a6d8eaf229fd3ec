// URL hash codec: a property table, one row per key, like TensorFlow Playground's state.ts.
#include "state/link_codec.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "expr/printer.hpp"
#include "optim/optimize.hpp"
#include "state/choices.hpp"
#include "state/exercise_names.hpp"
#include "state/weights_text.hpp"

namespace bp::app {

namespace {

constexpr std::size_t kMaxValueLength = 20000;  // an expression or program longer than this is refused

std::string number(double v) { return expr::format_number(v); }

bool parse_number(const std::string& text, double& out) {
  if (text.empty() || text.size() > 40) return false;
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(out);
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = text.find(separator, start);
    parts.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return parts;
    start = at + 1;
  }
}

bool is_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

// Text for a field: valid UTF-8 of sensible length.
bool check_text(const std::string& v, std::string& why) {
  if (v.size() > kMaxValueLength) return why = "longer than 20000 characters", false;
  if (!is_utf8(v)) return why = "not valid UTF-8 text", false;
  return true;
}

bool is_name(const std::string& s) {
  if (s.empty() || s.size() > 64 || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

// One key of the hash: how to write it (empty: leave it out) and how to read it (false: refused,
// with `why` saying what was expected).
struct Property {
  const char* key;
  std::function<std::string(const AppState&)> write;
  std::function<bool(AppState&, const std::string&, std::string& why)> read;
};

// The link format's version, written first in every link. A release that changes what a key means
// bumps it and adds the old key to kRenamedKeys (or converts its value on reading), so an old link is
// migrated, never misread.
constexpr int kStateVersion = 1;
struct RenamedKey {
  const char* old_key;
  const char* new_key;
  int before_version;  // links older than this used old_key
};
// Empty so far: version 1 is the first released format (links without "v" use the same keys).
const std::vector<RenamedKey> kRenamedKeys = {};

constexpr std::size_t kMaxHiddenLayers = 8;
constexpr std::size_t kMaxPoints = 500;
constexpr int kMaxNeurons = 16;
constexpr std::size_t kMaxTablePoints = 12;  // what function mode's table field takes

// What a number key accepts, and the notice when it gets something else.
struct NumberRule {
  double min, max;
  bool is_whole = false;
  bool is_min_excluded = false;  // (min, max] instead of [min, max]
  std::string expected;
};

NumberRule number_from(double min, double max) {
  return {min, max, false, false, "expected a number from " + number(min) + " to " + number(max)};
}

bool read_number(const std::string& text, const NumberRule& rule, double& out, std::string& why) {
  double x;
  const bool fits = parse_number(text, x) && (!rule.is_whole || x == std::floor(x)) &&
                    (rule.is_min_excluded ? x > rule.min : x >= rule.min) && x <= rule.max;
  if (!fits) return why = rule.expected, false;
  out = x;
  return true;
}

// Rows take the field as a generic lambda, `[](auto& s) -> auto& { return s.function.x0; }`, so one
// accessor serves writing (const state) and reading.
template <class Field>
using FieldType = std::decay_t<decltype(std::declval<Field>()(std::declval<AppState&>()))>;

template <class Field>
Property number_row(const char* key, NumberRule rule, Field field) {
  using T = FieldType<Field>;
  return {key,
          [field](const AppState& s) {
            if constexpr (std::is_floating_point_v<T>) return number(field(s));
            else return std::to_string(field(s));
          },
          [field, rule](AppState& s, const std::string& v, std::string& why) {
            double x;
            if (!read_number(v, rule, x, why)) return false;
            field(s) = static_cast<T>(x);
            return true;
          }};
}

template <class E, class Field>
Property choice_row(const char* key, const Choices<E>& choices, std::string expected, Field field) {
  return {key, [field, &choices](const AppState& s) { return std::string(name_of(choices, field(s))); },
          [field, &choices, expected](AppState& s, const std::string& v, std::string& why) {
            const auto value = value_named(choices, v);
            if (!value) return why = expected, false;
            field(s) = *value;
            return true;
          }};
}

// A network setting: "expected one of tanh relu sigmoid linear".
template <class E, class Field>
Property network_choice_row(const char* key, const Choices<E>& choices, Field field) {
  return choice_row(key, choices, "expected one of " + names_joined(choices, " ", " "), field);
}

template <class Field>
Property flag_row(const char* key, Field field) {
  return {key, [field](const AppState& s) { return std::string(field(s) ? "1" : "0"); },
          [field](AppState& s, const std::string& v, std::string& why) {
            if (v != "0" && v != "1") return why = "expected 0 or 1", false;
            field(s) = v == "1";
            return true;
          }};
}

template <class Field>
Property text_row(const char* key, Field field) {
  return {key, [field](const AppState& s) { return field(s); },
          [field](AppState& s, const std::string& v, std::string& why) {
            if (!check_text(v, why)) return false;
            field(s) = v;
            return true;
          }};
}

// Items joined with `separator`, each written by `write_item`.
template <class List, class Write>
std::string joined(const List& items, const char* separator, Write write_item) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + write_item(item);
  return out;
}

Property version_row() {
  const NumberRule rule{1, HUGE_VAL, true, false, "expected a version number"};
  return {"v", [](const AppState&) { return std::to_string(kStateVersion); },
          [rule](AppState&, const std::string& v, std::string& why) {
            double version;
            if (!read_number(v, rule, version, why)) return false;
            if (version > kStateVersion) {
              return why = "made by a newer release (version " + v + "); keys this one does not know are skipped",
                     false;
            }
            return true;
          }};
}

Property step_row() {
  const NumberRule rule{1e-15, 1, false, false, "expected a step from 1e-15 to 1"};
  return {"h", [](const AppState& s) { return number(step_size(s.function)); },
          [rule](AppState& s, const std::string& v, std::string& why) {
            double h;
            if (!read_number(v, rule, h, why)) return false;
            s.function.h = h;
            return true;
          }};
}

Property view_row() {
  const NumberRule rule{-1e12, 1e12, false, false, "expected four numbers: xmin,xmax,ymin,ymax"};
  return {"view",
          [](const AppState& s) {
            const FunctionState& f = s.function;
            return joined(std::vector<double>{f.view_x_min, f.view_x_max, f.view_y_min, f.view_y_max}, ",", number);
          },
          [rule](AppState& s, const std::string& v, std::string& why) {
            const auto parts = split(v, ',');
            double b[4];
            if (parts.size() != 4) return why = rule.expected, false;
            for (std::size_t i = 0; i < 4; ++i) {
              if (!read_number(parts[i], rule, b[i], why)) return false;
            }
            if (!(b[0] < b[1]) || !(b[2] < b[3])) return why = "each minimum must be below its maximum", false;
            FunctionState& f = s.function;
            f.view_x_min = b[0], f.view_x_max = b[1], f.view_y_min = b[2], f.view_y_max = b[3];
            return true;
          }};
}

// The two-variable view's vertical range: "ymin,ymax".
Property plane_range_row() {
  const NumberRule rule{-1e12, 1e12, false, false, "expected two numbers: ymin,ymax"};
  return {"yview",
          [](const AppState& s) {
            const PlaneState& p = s.function.plane;
            return joined(std::vector<double>{p.view_y_min, p.view_y_max}, ",", number);
          },
          [rule](AppState& s, const std::string& v, std::string& why) {
            const auto parts = split(v, ',');
            double b[2];
            if (parts.size() != 2) return why = rule.expected, false;
            for (std::size_t i = 0; i < 2; ++i) {
              if (!read_number(parts[i], rule, b[i], why)) return false;
            }
            if (!(b[0] < b[1])) return why = "the minimum must be below the maximum", false;
            s.function.plane.view_y_min = b[0], s.function.plane.view_y_max = b[1];
            return true;
          }};
}

// The 3-D camera: "yaw,pitch,zoom" (degrees, degrees, scale).
Property camera_row() {
  const std::string expected = "expected yaw,pitch,zoom: yaw -360 to 360, pitch -90 to 90, zoom 0.1 to 10";
  return {"camera",
          [](const AppState& s) {
            const PlaneState& p = s.function.plane;
            return joined(std::vector<double>{p.yaw, p.pitch, p.zoom}, ",", number);
          },
          [expected](AppState& s, const std::string& v, std::string& why) {
            const auto parts = split(v, ',');
            const NumberRule rules[3] = {{-360, 360, false, false, expected}, {-90, 90, false, false, expected},
                                         {0.1, 10, false, false, expected}};
            double c[3];
            if (parts.size() != 3) return why = expected, false;
            for (std::size_t i = 0; i < 3; ++i) {
              if (!read_number(parts[i], rules[i], c[i], why)) return false;
            }
            PlaneState& p = s.function.plane;
            p.yaw = c[0], p.pitch = c[1], p.zoom = c[2];
            return true;
          }};
}

Property table_row() {
  const NumberRule rule{-1e12, 1e12, false, false,
                        "expected 1 to " + std::to_string(kMaxTablePoints) +
                            " numbers between -1e12 and 1e12, such as 2,6,-2"};
  return {"table", [](const AppState& s) { return joined(s.function.table_points, ",", number); },
          [rule](AppState& s, const std::string& v, std::string& why) {
            const auto parts = split(v, ',');
            if (parts.size() > kMaxTablePoints) return why = rule.expected, false;
            std::vector<double> points(parts.size());
            for (std::size_t i = 0; i < parts.size(); ++i) {
              if (!read_number(parts[i], rule, points[i], why)) return false;
            }
            s.function.table_points = std::move(points);
            return true;
          }};
}

Property slider_values_row() {
  return {"vals",
          [](const AppState& s) {
            return joined(s.graph.values, ",", [](const auto& nv) { return nv.first + ":" + number(nv.second); });
          },
          [](AppState& s, const std::string& v, std::string& why) {
            std::vector<std::pair<std::string, double>> values;
            for (const auto& pair : v.empty() ? std::vector<std::string>{} : split(v, ',')) {  // empty: no slider moved
              const auto kv = split(pair, ':');
              double x;
              if (kv.size() != 2 || !is_name(kv[0]) || !parse_number(kv[1], x)) {
                return why = "expected name:number pairs such as a:3,b:-2", false;
              }
              values.emplace_back(kv[0], x);
            }
            s.graph.values = std::move(values);
            return true;
          }};
}

Property points_row() {
  return {"pts",
          [](const AppState& s) {
            return joined(s.network.points, ";",
                          [](const auto& p) { return number(p[0]) + "," + number(p[1]) + "," + number(p[2]); });
          },
          [](AppState& s, const std::string& v, std::string& why) {
            std::vector<std::array<double, 3>> points;
            for (const auto& item : v.empty() ? std::vector<std::string>{} : split(v, ';')) {
              const auto parts = split(item, ',');
              std::array<double, 3> p{};
              if (parts.size() != 3 || !parse_number(parts[0], p[0]) || !parse_number(parts[1], p[1]) ||
                  !parse_number(parts[2], p[2]) || std::fabs(p[0]) > 6 || std::fabs(p[1]) > 6 ||
                  (std::fabs(p[2]) > 1 && nn::class_of(p[2]) < 0)) {
                return why = "expected x1,x2,label triples (|x| ≤ 6, label in [-1, 1] or a class 2 … 5) separated by ;",
                       false;
              }
              points.push_back(p);
            }
            if (points.size() > kMaxPoints) return why = "more than " + std::to_string(kMaxPoints) + " points", false;
            s.network.points = std::move(points);
            return true;
          }};
}

Property features_row() {
  return {"feat",
          [](const AppState& s) {
            return joined(s.network.data.features, ",",
                          [](nn::Feature f) { return std::string(name_of(feature_choices(), f)); });
          },
          [](AppState& s, const std::string& v, std::string& why) {
            std::vector<nn::Feature> features;
            for (const auto& name : split(v, ',')) {
              const auto f = value_named(feature_choices(), name);
              if (!f || std::find(features.begin(), features.end(), *f) != features.end()) {
                return why = "expected distinct features among " + names_joined(feature_choices(), ",", ","), false;
              }
              features.push_back(*f);
            }
            s.network.data.features = std::move(features);
            return true;
          }};
}

Property hidden_row() {
  return {"hidden",
          [](const AppState& s) {
            return joined(s.network.model.hidden, ",", [](int h) { return std::to_string(h); });
          },
          [](AppState& s, const std::string& v, std::string& why) {
            const auto parts = v.empty() ? std::vector<std::string>{} : split(v, ',');
            if (parts.size() > kMaxHiddenLayers) {
              return why = "asks for " + std::to_string(parts.size()) + " hidden layers; at most " +
                           std::to_string(kMaxHiddenLayers) + " are offered", false;
            }
            std::vector<int> hidden;
            for (const auto& part : parts) {
              const NumberRule rule{1, kMaxNeurons, true, false,
                                    "each hidden layer needs 1 to " + std::to_string(kMaxNeurons) + " neurons (got " +
                                        part.substr(0, 20) + ")"};
              double n;
              if (!read_number(part, rule, n, why)) return false;
              hidden.push_back(static_cast<int>(n));
            }
            s.network.model.hidden = std::move(hidden);
            return true;
          }};
}

// drop=0.2,0,0.5: the dropout rate of each hidden layer, from the first; layers past the list have none.
Property dropout_row() {
  return {"drop", [](const AppState& s) { return joined(s.network.dropout, ",", [](double r) { return number(r); }); },
          [](AppState& s, const std::string& v, std::string& why) {
            const auto parts = v.empty() ? std::vector<std::string>{} : split(v, ',');
            if (parts.size() > kMaxHiddenLayers) {
              return why = "gives " + std::to_string(parts.size()) + " dropout rates; at most " +
                           std::to_string(kMaxHiddenLayers) + " (one per hidden layer)", false;
            }
            std::vector<double> rates;
            for (const auto& part : parts) {
              const NumberRule rule = number_from(0, 0.9);
              double rate;
              if (!read_number(part, {rule.min, rule.max, false, false, "each dropout rate must be from 0 to 0.9 (got " +
                                                                          part.substr(0, 20) + ")"},
                               rate, why)) {
                return false;
              }
              rates.push_back(rate);
            }
            s.network.dropout = std::move(rates);
            return true;
          }};
}

Property weights_row() {
  return {"w", [](const AppState& s) { return encode_weights(s.network.weights); },
          [](AppState& s, const std::string& v, std::string& why) {
            auto weights = decode_weights(v);
            if (!weights || weights->size() > 200000) {
              return why = "not a weights blob written by the playground (cut short?)", false;
            }
            s.network.weights = std::move(*weights);
            return true;
          }};
}

// race=adam:0.1,momentum:0.01:m=0.8,newton:1 — each racer its rule and learning rate, then only the
// settings that differ from the rule's defaults: m (momentum), alpha, b1, b2 (betas), eps, wd (weight decay).
constexpr std::size_t kMaxRacers = 8;
struct RacerField {
  const char* name;
  double optim::Hyperparameters::*field;
};
constexpr RacerField kRacerFields[] = {
    {"m", &optim::Hyperparameters::momentum}, {"alpha", &optim::Hyperparameters::alpha},
    {"b1", &optim::Hyperparameters::beta1},   {"b2", &optim::Hyperparameters::beta2},
    {"eps", &optim::Hyperparameters::epsilon}, {"wd", &optim::Hyperparameters::weight_decay}};

std::string racer_text(const RacerSettings& r) {
  const RacerSettings defaults = racer_defaults(r.rule);
  std::string out = std::string(name_of(race_rule_choices(), r.rule)) + ":" + number(r.hyper.learning_rate);
  for (const RacerField& f : kRacerFields) {
    const double value = r.hyper.*f.field;
    if (!(value == defaults.hyper.*f.field)) out += std::string(":") + f.name + "=" + number(value);
  }
  return out;
}

bool read_racer(const std::string& text, RacerSettings& out, std::string& why) {
  const auto parts = split(text, ':');
  const auto rule = value_named(race_rule_choices(), parts[0]);
  if (!rule) return why = "expected racers such as adam:0.1,sgd:0.01 (rules: " +
                          names_joined(race_rule_choices(), " ", " ") + "); got '" + parts[0].substr(0, 20) + "'",
                false;
  out = racer_defaults(*rule);
  if (parts.size() < 2 || !parse_number(parts[1], out.hyper.learning_rate)) {
    return why = "expected a learning rate after " + parts[0] + ": such as " + parts[0] + ":0.1", false;
  }
  for (std::size_t i = 2; i < parts.size(); ++i) {
    const auto kv = split(parts[i], '=');
    const RacerField* field = nullptr;
    for (const RacerField& f : kRacerFields) {
      if (kv[0] == f.name) field = &f;
    }
    if (!field || kv.size() != 2 || !parse_number(kv[1], out.hyper.*field->field)) {
      return why = "expected settings such as m=0.9, alpha, b1, b2, eps or wd after the learning rate (got '" +
                   parts[i].substr(0, 20) + "')", false;
    }
  }
  optim::OptimizeOptions check;
  check.rule = *rule == RaceRule::kNewton ? optim::Rule::kSgd : optim_rule(*rule);
  check.hyper = out.hyper;
  if (std::string bad = optim::check_options(check); !bad.empty()) return why = parts[0] + ": " + bad, false;
  return true;
}

Property racers_row() {
  return {"race", [](const AppState& s) { return joined(s.function.race.racers, ",", racer_text); },
          [](AppState& s, const std::string& v, std::string& why) {
            std::vector<RacerSettings> racers;
            for (const auto& item : v.empty() ? std::vector<std::string>{} : split(v, ',')) {
              if (racers.size() == kMaxRacers) {
                return why = "more than " + std::to_string(kMaxRacers) + " racers", false;
              }
              racers.emplace_back();
              if (!read_racer(item, racers.back(), why)) return false;
            }
            s.function.race.racers = std::move(racers);
            return true;
          }};
}

// hide, lock, ask: names joined by commas. Unknown names are left out with a notice naming the known
// ones; the known ones still apply (an exercise keeps hiding what it can).
Property names_row(const char* key, std::vector<std::string> ExerciseState::*field) {
  return {key, [field](const AppState& s) { return joined(s.exercise.*field, ",", [](const auto& n) { return n; }); },
          [key, field](AppState& s, const std::string& v, std::string& why) {
            NameCheck check = check_names(key, v);
            s.exercise.*field = std::move(check.known);
            if (check.notice.empty()) return true;
            return why = check.notice, false;
          }};
}

// tol=relative[,absolute]: 0.005,1e-06 (the default) is 0.5 % or 1e-6.
Property tolerance_row() {
  const NumberRule rule{0, 1e12, false, false,
                        "expected a relative tolerance, optionally an absolute one after a comma: 0.01 or 0,0.5"};
  return {"tol",
          [](const AppState& s) { return number(s.exercise.tolerance) + "," + number(s.exercise.absolute_tolerance); },
          [rule](AppState& s, const std::string& v, std::string& why) {
            const auto parts = split(v, ',');
            double relative, absolute = 1e-6;
            if (parts.size() > 2 || !read_number(parts[0], rule, relative, why) ||
                (parts.size() == 2 && !read_number(parts[1], rule, absolute, why))) {
              return why = rule.expected, false;
            }
            s.exercise.tolerance = relative;
            s.exercise.absolute_tolerance = absolute;
            return true;
          }};
}

// reveal=ask (a "Show answer" button at once), after:3 (after three wrong tries), never.
Property reveal_row() {
  return {"reveal",
          [](const AppState& s) {
            const int n = s.exercise.reveal_after;
            return n < 0 ? std::string("never") : n == 0 ? std::string("ask") : "after:" + std::to_string(n);
          },
          [](AppState& s, const std::string& v, std::string& why) {
            const NumberRule rule{1, 100, true, false, "expected ask, never or after:N with N from 1 to 100"};
            double n = 0;
            if (v == "never") n = -1;
            else if (v != "ask" && (v.rfind("after:", 0) != 0 || !read_number(v.substr(6), rule, n, why)))
              return why = rule.expected, false;
            s.exercise.reveal_after = static_cast<int>(n);
            return true;
          }};
}

// The keys in the order a link writes them. A new key goes beside its mode's keys, with a default
// that is not written, so links made before it stay as they were.
const std::vector<Property>& properties() {
  const NumberRule seed_rule{0, 9007199254740991.0, true, false, "expected a whole number seed"};
  static const std::vector<Property> table = {
      version_row(),
      choice_row("mode", mode_choices(), "expected " + names_joined(mode_choices(), ", ", " or "),
                 [](auto& s) -> auto& { return s.mode; }),
      // Function mode.
      text_row("expr", [](auto& s) -> auto& { return s.function.text; }),
      number_row("x0", {-1e12, 1e12, false, false, "expected a number between -1e12 and 1e12"},
                 [](auto& s) -> auto& { return s.function.x0; }),
      step_row(),
      choice_row("scheme", scheme_choices(), "expected " + names_joined(scheme_choices(), ", ", " or "),
                 [](auto& s) -> auto& { return s.function.scheme; }),
      view_row(),
      flag_row("deriv", [](auto& s) -> auto& { return s.function.show_derivative; }),
      number_row("eta", {0, 10, false, true, "expected a learning rate above 0, at most 10"},
                 [](auto& s) -> auto& { return s.function.learning_rate; }),
      flag_row("reading", [](auto& s) -> auto& { return s.function.show_reading; }),
      table_row(),
      // Function mode's two-variable view.
      number_row("y0", {-1e12, 1e12, false, false, "expected a number between -1e12 and 1e12"},
                 [](auto& s) -> auto& { return s.function.plane.y0; }),
      plane_range_row(),
      choice_row("plane", plane_view_choices(), "expected " + names_joined(plane_view_choices(), " or ", " or "),
                 [](auto& s) -> auto& { return s.function.plane.view; }),
      camera_row(),
      number_row("dir", {-360, 360, false, false, "expected an angle in degrees from -360 to 360"},
                 [](auto& s) -> auto& { return s.function.plane.direction; }),
      flag_row("gfield", [](auto& s) -> auto& { return s.function.plane.show_field; }),
      flag_row("level", [](auto& s) -> auto& { return s.function.plane.show_level; }),
      flag_row("taylor", [](auto& s) -> auto& { return s.function.show_taylor; }),
      // Function mode's optimizer race (race/race_model.hpp).
      racers_row(),
      number_row("rnoise", number_from(0, 1e6), [](auto& s) -> auto& { return s.function.race.noise; }),
      number_row("rseed", seed_rule, [](auto& s) -> auto& { return s.function.race.seed; }),
      number_row("rsteps", {0, optim::kMaxSteps, true, false, "expected a whole number of steps from 0 to 100000"},
                 [](auto& s) -> auto& { return s.function.race.steps; }),
      flag_row("rplay", [](auto& s) -> auto& { return s.function.race.is_playing; }),
      number_row("rspeed", number_from(0.1, 1000), [](auto& s) -> auto& { return s.function.race.steps_per_second; }),
      flag_row("rlog", [](auto& s) -> auto& { return s.function.race.log_scale; }),
      // Graph mode.
      text_row("prog", [](auto& s) -> auto& { return s.graph.program; }),
      slider_values_row(),
      number_row("bstep", {-1, 1e6, true, false, "expected -1 (every gradient) or a whole number of backward steps"},
                 [](auto& s) -> auto& { return s.graph.backward_step; }),
      flag_row("gcheck", [](auto& s) -> auto& { return s.graph.show_check; }),
      choice_row("gscheme", scheme_choices(), "expected " + names_joined(scheme_choices(), ", ", " or "),
                 [](auto& s) -> auto& { return s.graph.check_scheme; }),
      number_row("gh", {1e-15, 1, false, false, "expected a step from 1e-15 to 1"},
                 [](auto& s) -> auto& { return s.graph.check_h; }),
      // Network mode.
      network_choice_row("data", data_set_choices(), [](auto& s) -> auto& { return s.network.data.set; }),
      points_row(),
      number_row("noise", number_from(0, 0.5), [](auto& s) -> auto& { return s.network.data.noise; }),
      number_row("train", {10, 90, true, false, "expected a whole percentage from 10 to 90"},
                 [](auto& s) -> auto& { return s.network.data.train_percent; }),
      number_row("dseed", seed_rule, [](auto& s) -> auto& { return s.network.data.seed; }),
      features_row(),
      hidden_row(),
      network_choice_row("act", activation_choices(), [](auto& s) -> auto& { return s.network.model.activation; }),
      network_choice_row("out", output_activation_choices(), [](auto& s) -> auto& { return s.network.model.output; }),
      network_choice_row("loss", loss_choices(), [](auto& s) -> auto& { return s.network.loss; }),
      number_row("lr", number_from(1e-6, 10), [](auto& s) -> auto& { return s.network.learning_rate; }),
      number_row("batch", {1, 500, true, false, "expected a batch size from 1 to 500"},
                 [](auto& s) -> auto& { return s.network.batch_size; }),
      network_choice_row("opt", optimizer_choices(), [](auto& s) -> auto& { return s.network.model.optimizer; }),
      network_choice_row("reg", regularization_choices(),
                         [](auto& s) -> auto& { return s.network.model.regularization; }),
      number_row("regrate", number_from(0, 10), [](auto& s) -> auto& { return s.network.model.regularization_rate; }),
      dropout_row(),
      flag_row("skip", [](auto& s) -> auto& { return s.network.model.skip; }),
      number_row("seed", seed_rule, [](auto& s) -> auto& { return s.network.model.seed; }),
      weights_row(),
      number_row("epoch", {0, 1e12, true, false, "expected a whole number of epochs"},
                 [](auto& s) -> auto& { return s.network.epochs; }),
      // An exercise (any mode).
      names_row("hide", &ExerciseState::hide),
      names_row("lock", &ExerciseState::lock),
      names_row("ask", &ExerciseState::ask),
      tolerance_row(),
      reveal_row(),
      flag_row("author", [](auto& s) -> auto& { return s.exercise.is_authoring; }),
  };
  return table;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string percent_encode(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '!' || c == '~' || c == '*' || c == '\'' ||
        c == '(' || c == ')') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool percent_decode(std::string_view text, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];  // '+' stays '+', as decodeURIComponent leaves it
      continue;
    }
    if (i + 2 >= text.size()) return false;  // a '%' needs two hex digits after it
    const int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

// Each property's value in the default state, written once: encoding compared every value with it, and
// writing the defaults again on every call was half of what a link cost (reported ten times a second during a
// drag: profile at 4× CPU throttling).
const std::vector<std::string>& default_values() {
  static const std::vector<std::string> values = [] {
    const AppState defaults;
    std::vector<std::string> written;
    for (const Property& p : properties()) written.push_back(p.write(defaults));
    return written;
  }();
  return values;
}

std::string encode_state(const AppState& state, bool include_defaults) {
  const std::vector<Property>& all = properties();
  const std::vector<std::string>& defaults = default_values();
  std::string out;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Property& p = all[i];
    const std::string value = p.write(state);
    const std::string_view key = p.key;
    if (!include_defaults && key != "mode" && key != "v" && value == defaults[i]) continue;  // implicit
    if (!out.empty()) out += '&';
    out.append(key).append("=").append(percent_encode(value));
  }
  return out;
}

DecodedState decode_state(std::string_view hash) {
  static const AppState defaults;
  return decode_state(hash, defaults);
}

DecodedState decode_state(std::string_view hash, const AppState& base) {
  DecodedState result{base, {}};
  if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
  if (hash.size() > 200000) {
    result.notices.push_back("the link is " + std::to_string(hash.size()) +
                             " characters long; at most 200000 are read");
    return result;
  }
  // A link without "v" predates versioning: version 0.
  int version = 0;
  for (const auto& pair : split(std::string(hash), '&')) {
    double v;
    // Clamped before the cast: a version past int's range (the fuzzer's v=6.7e35) is just "newer".
    if (pair.rfind("v=", 0) == 0 && parse_number(pair.substr(2), v)) {
      version = !(v >= 0) ? 0 : v >= 1e6 ? 1000000 : static_cast<int>(v);
    }
  }
  std::vector<std::string> seen;
  for (const auto& pair : split(std::string(hash), '&')) {
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    const std::string raw_key = pair.substr(0, eq);
    std::string key, value;
    if (!percent_decode(raw_key, key) || eq == std::string::npos || !percent_decode(pair.substr(eq + 1), value)) {
      result.notices.push_back("skipped '" + pair.substr(0, 40) + "': not a key=value pair with valid %-escapes");
      continue;
    }
    for (const RenamedKey& r : kRenamedKeys) {
      if (version < r.before_version && key == r.old_key) key = r.new_key;  // migrate an old link's key
    }
    const Property* property = nullptr;
    for (const Property& p : properties()) {
      if (key == p.key) property = &p;
    }
    if (!property) {
      result.notices.push_back("skipped unknown key '" + key.substr(0, 40) + "'");
      continue;
    }
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      result.notices.push_back("'" + key + "' appears twice; the first one is used");
      continue;
    }
    seen.push_back(key);
    std::string why;
    if (!property->read(result.state, value, why)) {
      result.notices.push_back("skipped " + key + "='" + value.substr(0, 40) + "': " + why);
    }
  }
  return result;
}

}  // namespace bp::app
