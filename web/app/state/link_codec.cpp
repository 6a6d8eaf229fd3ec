// URL hash codec: a property table, one row per key, like TensorFlow Playground's state.ts.
#include "state/link_codec.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "expr/printer.hpp"
#include "network/trainer.hpp"

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

const char* scheme_name(Scheme s) {
  return s == Scheme::kForward ? "forward" : s == Scheme::kCentral ? "central" : "backward";
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

// A network-mode text field with a fixed set of values.
Property choice(const char* key, std::string NetworkState::*field, std::vector<std::string> allowed) {
  std::string expected = "expected one of";
  for (const auto& a : allowed) expected += " " + a;
  return {key, [field](const AppState& s) { return s.network.*field; },
          [field, allowed, expected](AppState& s, const std::string& v, std::string& why) {
            if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) return why = expected, false;
            s.network.*field = v;
            return true;
          }};
}

// A network-mode number within [lo, hi].
Property number_in(const char* key, double NetworkState::*field, double lo, double hi) {
  return {key, [field](const AppState& s) { return number(s.network.*field); },
          [field, lo, hi](AppState& s, const std::string& v, std::string& why) {
            double x;
            if (!parse_number(v, x) || x < lo || x > hi) return why = "expected a number from " + number(lo) + " to " + number(hi), false;
            s.network.*field = x;
            return true;
          }};
}

Property seed(const char* key, std::uint64_t NetworkState::*field) {
  return {key, [field](const AppState& s) { return std::to_string(s.network.*field); },
          [field](AppState& s, const std::string& v, std::string& why) {
            double x;
            if (!parse_number(v, x) || x != std::floor(x) || x < 0 || x > 9007199254740991.0) return why = "expected a whole number seed", false;
            s.network.*field = static_cast<std::uint64_t>(x);
            return true;
          }};
}

const std::vector<Property>& properties() {
  static const std::vector<Property> table = {
      {"v", [](const AppState&) { return std::to_string(kStateVersion); },
       [](AppState&, const std::string& v, std::string& why) {
         double version;
         if (!parse_number(v, version) || version != std::floor(version) || version < 1) return why = "expected a version number", false;
         if (version > kStateVersion) {
           return why = "made by a newer release (version " + v + "); keys this one does not know are skipped", false;
         }
         return true;
       }},
      {"mode",
       [](const AppState& s) {
         return std::string(s.mode == Mode::kGraph ? "graph" : s.mode == Mode::kNetwork ? "network" : "function");
       },
       [](AppState& s, const std::string& v, std::string& why) {
         if (v != "function" && v != "graph" && v != "network") return why = "expected function, graph or network", false;
         s.mode = v == "graph" ? Mode::kGraph : v == "network" ? Mode::kNetwork : Mode::kFunction;
         return true;
       }},
      {"expr", [](const AppState& s) { return s.function.text; },
       [](AppState& s, const std::string& v, std::string& why) {
         if (!check_text(v, why)) return false;
         s.function.text = v;
         return true;
       }},
      {"x0", [](const AppState& s) { return number(s.function.x0); },
       [](AppState& s, const std::string& v, std::string& why) {
         double x;
         if (!parse_number(v, x) || std::fabs(x) > 1e12) return why = "expected a number between -1e12 and 1e12", false;
         s.function.x0 = x;
         return true;
       }},
      {"h", [](const AppState& s) { return number(step_size(s.function)); },
       [](AppState& s, const std::string& v, std::string& why) {
         double h;
         if (!parse_number(v, h) || !(h >= 1e-15 && h <= 1)) return why = "expected a step from 1e-15 to 1", false;
         s.function.log10_h = std::log10(h);
         return true;
       }},
      {"scheme", [](const AppState& s) { return std::string(scheme_name(s.function.scheme)); },
       [](AppState& s, const std::string& v, std::string& why) {
         if (v == "forward") s.function.scheme = Scheme::kForward;
         else if (v == "central") s.function.scheme = Scheme::kCentral;
         else if (v == "backward") s.function.scheme = Scheme::kBackward;
         else return why = "expected forward, central or backward", false;
         return true;
       }},
      {"view",
       [](const AppState& s) {
         const FunctionState& f = s.function;
         return number(f.view_x_min) + "," + number(f.view_x_max) + "," + number(f.view_y_min) + "," + number(f.view_y_max);
       },
       [](AppState& s, const std::string& v, std::string& why) {
         const auto parts = split(v, ',');
         double b[4];
         if (parts.size() != 4) return why = "expected four numbers: xmin,xmax,ymin,ymax", false;
         for (int i = 0; i < 4; ++i) {
           if (!parse_number(parts[static_cast<std::size_t>(i)], b[i]) || std::fabs(b[i]) > 1e12) {
             return why = "expected four numbers: xmin,xmax,ymin,ymax", false;
           }
         }
         if (!(b[0] < b[1]) || !(b[2] < b[3])) return why = "each minimum must be below its maximum", false;
         s.function.view_x_min = b[0], s.function.view_x_max = b[1], s.function.view_y_min = b[2], s.function.view_y_max = b[3];
         return true;
       }},
      {"deriv", [](const AppState& s) { return std::string(s.function.show_derivative ? "1" : "0"); },
       [](AppState& s, const std::string& v, std::string& why) {
         if (v != "0" && v != "1") return why = "expected 0 or 1", false;
         s.function.show_derivative = v == "1";
         return true;
       }},
      {"eta", [](const AppState& s) { return number(s.function.learning_rate); },
       [](AppState& s, const std::string& v, std::string& why) {
         double eta;
         if (!parse_number(v, eta) || !(eta > 0 && eta <= 10)) return why = "expected a learning rate above 0, at most 10", false;
         s.function.learning_rate = eta;
         return true;
       }},
      {"prog", [](const AppState& s) { return s.graph.program; },
       [](AppState& s, const std::string& v, std::string& why) {
         if (!check_text(v, why)) return false;
         s.graph.program = v;
         return true;
       }},
      {"vals",
       [](const AppState& s) {
         std::string out;
         for (const auto& [name, value] : s.graph.values) out += (out.empty() ? "" : ",") + name + ":" + number(value);
         return out;
       },
       [](AppState& s, const std::string& v, std::string& why) {
         std::vector<std::pair<std::string, double>> values;
         for (const auto& pair : split(v, ',')) {
           if (v.empty()) break;  // no slider moved
           const auto kv = split(pair, ':');
           double x;
           if (kv.size() != 2 || !is_name(kv[0]) || !parse_number(kv[1], x)) {
             return why = "expected name:number pairs such as a:3,b:-2", false;
           }
           values.emplace_back(kv[0], x);
         }
         s.graph.values = std::move(values);
         return true;
       }},
      choice("data", &NetworkState::dataset, {"circle", "xor", "gauss", "spiral", "plane", "multigauss", "custom", "function"}),
      {"pts",
       [](const AppState& s) {
         std::string out;
         for (const auto& p : s.network.points) {
           out += (out.empty() ? "" : ";") + number(p[0]) + "," + number(p[1]) + "," + number(p[2]);
         }
         return out;
       },
       [](AppState& s, const std::string& v, std::string& why) {
         std::vector<std::array<double, 3>> points;
         for (const auto& item : v.empty() ? std::vector<std::string>{} : split(v, ';')) {
           const auto parts = split(item, ',');
           std::array<double, 3> p{};
           if (parts.size() != 3 || !parse_number(parts[0], p[0]) || !parse_number(parts[1], p[1]) ||
               !parse_number(parts[2], p[2]) || std::fabs(p[0]) > 6 || std::fabs(p[1]) > 6 || std::fabs(p[2]) > 1) {
             return why = "expected x1,x2,label triples (|x| ≤ 6, |label| ≤ 1) separated by ;", false;
           }
           points.push_back(p);
         }
         if (points.size() > kMaxPoints) return why = "more than " + std::to_string(kMaxPoints) + " points", false;
         s.network.points = std::move(points);
         return true;
       }},
      number_in("noise", &NetworkState::noise, 0, 0.5),
      {"train", [](const AppState& s) { return std::to_string(s.network.train_percent); },
       [](AppState& s, const std::string& v, std::string& why) {
         double p;
         if (!parse_number(v, p) || p != std::floor(p) || p < 10 || p > 90) return why = "expected a whole percentage from 10 to 90", false;
         s.network.train_percent = static_cast<int>(p);
         return true;
       }},
      seed("dseed", &NetworkState::data_seed),
      {"feat",
       [](const AppState& s) {
         std::string out;
         for (const auto& f : s.network.features) out += (out.empty() ? "" : ",") + f;
         return out;
       },
       [](AppState& s, const std::string& v, std::string& why) {
         static const std::vector<std::string> kFeatures{"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"};
         std::vector<std::string> features;
         for (const auto& f : split(v, ',')) {
           if (std::find(kFeatures.begin(), kFeatures.end(), f) == kFeatures.end() ||
               std::find(features.begin(), features.end(), f) != features.end()) {
             return why = "expected distinct features among x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)", false;
           }
           features.push_back(f);
         }
         s.network.features = std::move(features);
         return true;
       }},
      {"hidden",
       [](const AppState& s) {
         std::string out;
         for (int h : s.network.hidden) out += (out.empty() ? "" : ",") + std::to_string(h);
         return out;
       },
       [](AppState& s, const std::string& v, std::string& why) {
         std::vector<int> hidden;
         const auto parts = v.empty() ? std::vector<std::string>{} : split(v, ',');
         if (parts.size() > kMaxHiddenLayers) {
           return why = "asks for " + std::to_string(parts.size()) + " hidden layers; at most " +
                        std::to_string(kMaxHiddenLayers) + " are offered", false;
         }
         for (const auto& part : parts) {
           double n;
           if (!parse_number(part, n) || n != std::floor(n) || n < 1 || n > kMaxNeurons) {
             return why = "each hidden layer needs 1 to " + std::to_string(kMaxNeurons) + " neurons (got " + part.substr(0, 20) + ")", false;
           }
           hidden.push_back(static_cast<int>(n));
         }
         s.network.hidden = std::move(hidden);
         return true;
       }},
      choice("act", &NetworkState::activation, {"tanh", "relu", "sigmoid", "linear"}),
      choice("out", &NetworkState::output, {"tanh", "linear", "sigmoid"}),
      choice("loss", &NetworkState::loss, {"mse", "bce"}),
      number_in("lr", &NetworkState::learning_rate, 1e-6, 10),
      {"batch", [](const AppState& s) { return std::to_string(s.network.batch_size); },
       [](AppState& s, const std::string& v, std::string& why) {
         double b;
         if (!parse_number(v, b) || b != std::floor(b) || b < 1 || b > 500) return why = "expected a batch size from 1 to 500", false;
         s.network.batch_size = static_cast<int>(b);
         return true;
       }},
      choice("opt", &NetworkState::optimizer, {"sgd", "momentum", "adam"}),
      choice("reg", &NetworkState::regularization, {"none", "l1", "l2"}),
      number_in("regrate", &NetworkState::regularization_rate, 0, 10),
      seed("seed", &NetworkState::seed),
      {"w", [](const AppState& s) { return encode_weights(s.network.weights); },
       [](AppState& s, const std::string& v, std::string& why) {
         auto weights = decode_weights(v);
         if (!weights || weights->size() > 200000) return why = "not a weights blob written by the playground (cut short?)", false;
         s.network.weights = std::move(*weights);
         return true;
       }},
      {"epoch", [](const AppState& s) { return std::to_string(s.network.epochs); },
       [](AppState& s, const std::string& v, std::string& why) {
         double e;
         if (!parse_number(v, e) || e != std::floor(e) || e < 0 || e > 1e12) return why = "expected a whole number of epochs", false;
         s.network.epochs = static_cast<long>(e);
         return true;
       }},
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

std::string encode_state(const AppState& state, bool include_defaults) {
  const AppState defaults;
  std::string out;
  for (const Property& p : properties()) {
    const std::string value = p.write(state);
    const std::string key = p.key;
    if (!include_defaults && key != "mode" && key != "v" && value == p.write(defaults)) continue;  // implicit
    out += (out.empty() ? "" : "&") + std::string(p.key) + "=" + percent_encode(value);
  }
  return out;
}

DecodedState decode_state(std::string_view hash, const AppState& base) {
  DecodedState result{base, {}};
  if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
  if (hash.size() > 200000) {
    result.notices.push_back("the link is " + std::to_string(hash.size()) + " characters long; at most 200000 are read");
    return result;
  }
  // A link without "v" predates versioning: version 0.
  int version = 0;
  for (const auto& pair : split(std::string(hash), '&')) {
    double v;
    if (pair.rfind("v=", 0) == 0 && parse_number(pair.substr(2), v)) version = static_cast<int>(v);
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
