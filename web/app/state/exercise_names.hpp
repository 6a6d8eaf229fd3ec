// The names an exercise uses (docs/links.md "Exercises"): what may be hidden, locked and asked, per
// mode, in one place for the link codec, the embed options and the panels. No ImGui.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "state/app_state.hpp"

namespace bp::app {

// hide=: function mode's results (fx slope fd diff tangent fprime table:fx table:fxh table:fd), graph
// mode's (values grads steps check, and grad:NAME for one node), network mode's (loss accuracy weights
// grads steps surface), and the controls (h scheme reading derivative table descent error inputs
// backward experiments tabs).
const std::vector<std::string>& hide_names();
// lock=: expr x0 h scheme eta table prog inputs weights hyper data buttons.
const std::vector<std::string>& lock_names();
bool is_hide_name(std::string_view name);  // one of hide_names(), or grad:NAME
bool is_lock_name(std::string_view name);

// ask=: function mode fx slope fd step besth; graph mode value:NAME grad:NAME grads; network mode (one
// training example, layer l from 1) yhat eloss zl:i al:i deltal:i dWl:i,j dbl:i and, after the update,
// Wl:i,j bl:i. Returns the mode the id belongs to, or false when it is no id.
bool ask_mode(std::string_view id, Mode& mode);
// The ids and patterns above as one line, for messages.
const std::string& ask_help();

// "fx,dW1:0,0,W1:1,0": items split at commas, a bare number joined to the matrix id before it.
std::vector<std::string> split_ask_list(const std::string& text);

struct NameCheck {
  std::vector<std::string> known;
  std::string notice;  // empty when every name was known; else which were not, and the names there are
};
// The known names of a comma-separated `text` for `key` (hide, lock or ask).
NameCheck check_names(const std::string& key, const std::string& text);

}  // namespace bp::app
